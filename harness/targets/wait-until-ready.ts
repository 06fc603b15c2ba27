/** Time as waiting sees it; tests pass a fake that advances instantly. */
export interface WaitClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: WaitClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

export interface WaitOptions {
  /** What is awaited, for the log: "moto at http://127.0.0.1:5000". */
  what: string;
  /** Resolves when the thing is ready; throws saying why not. Gets a signal that aborts at the deadline. */
  check: (signal: AbortSignal) => Promise<void>;
  timeoutMs: number;
  /** First pause between attempts; doubles up to `maxIntervalMs`. */
  intervalMs?: number;
  maxIntervalMs?: number;
  /** Settles with a reason when waiting is pointless (the process died); stops the wait at once. */
  abandon?: Promise<string>;
  log?: (line: string) => void;
  clock?: WaitClock;
}

export type WaitOutcome =
  | { ready: true; attempts: number }
  | { ready: false; why: 'timeout'; attempts: number; lastError?: string }
  | { ready: false; why: 'abandoned'; attempts: number; lastError?: string; reason: string };

/** The short form of an error for a log line: a fetch failure's cause code rather than "fetch failed". */
export function describeFailure(err: unknown): string {
  const e = err as { cause?: { code?: string; message?: string }; message?: string; name?: string } | undefined;
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(err);
}

/**
 * Try `check` until it passes, the deadline passes, or `abandon` settles,
 * logging each failed attempt. Returns what happened rather than throwing, so
 * the caller can say what is missing and what to do about it.
 */
export async function waitUntilReady(options: WaitOptions): Promise<WaitOutcome> {
  const clock = options.clock ?? realClock;
  const deadline = clock.now() + options.timeoutMs;
  let interval = options.intervalMs ?? 100;
  const maxInterval = options.maxIntervalMs ?? 1000;
  const ABANDONED = Symbol('abandoned');
  // Resolves to ABANDONED once `abandon` settles; never otherwise.
  const abandonedSignal = options.abandon?.then(() => ABANDONED) ?? new Promise<never>(() => {});
  // The reason if `abandon` has settled already, else undefined.
  const abandonReason = () => (options.abandon ? Promise.race([options.abandon, Promise.resolve(undefined)]) : Promise.resolve(undefined));

  let attempts = 0;
  let lastError: string | undefined;
  for (;;) {
    const reason = await abandonReason();
    if (reason !== undefined) return { ready: false, why: 'abandoned', attempts, lastError, reason };
    const remaining = deadline - clock.now();
    if (remaining <= 0) return { ready: false, why: 'timeout', attempts, lastError };
    attempts++;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), Math.min(remaining, 5000));
    try {
      const outcome = await Promise.race([options.check(controller.signal).then(() => 'ready' as const), abandonedSignal]);
      if (outcome === 'ready') return { ready: true, attempts };
      continue;
    } catch (err) {
      lastError = describeFailure(err);
      options.log?.(`waiting for ${options.what} (attempt ${attempts}: ${lastError})`);
    } finally {
      clearTimeout(timer);
    }
    await Promise.race([clock.sleep(Math.min(interval, Math.max(0, deadline - clock.now()))), abandonedSignal]);
    interval = Math.min(interval * 2, maxInterval);
  }
}
