import type { HttpTimeouts } from '../clients/http-timeouts';
import type { CliIo, StopSignal } from './io';

/** Why a run was stopped before it finished. */
export type StopReason = StopSignal | 'deadline';

/**
 * Exit codes of a stopped run: the shell's 128 + signal number for SIGINT
 * and SIGTERM; 3 (target unavailable, DESIGN.md § CLI contract) for a run
 * the target did not let finish within its deadline.
 */
export const STOP_EXIT_CODES: Record<StopReason, number> = { SIGINT: 130, SIGTERM: 143, deadline: 3 };

export interface RunLimits {
  /** The whole run's deadline; undefined for none. */
  timeoutMs?: number;
  /** How long teardown may take, after an interrupt too. */
  teardownTimeoutMs: number;
  /** Each SDK call's connection and request timeout. */
  http: HttpTimeouts;
  /** How the limits were written, for messages: `--timeout 1h`. */
  shown: { timeout?: string; teardownTimeout: string };
}

/** What a command is handed: the signal that stops it, and its limits. */
export interface RunControl {
  readonly signal: AbortSignal;
  readonly limits: RunLimits;
  /**
   * The work is done and what follows waits for the user (a kept emulator
   * until Ctrl-C): no deadline any more, and an interrupt ends it as asked,
   * not as a stopped run.
   */
  idle(): void;
}

/** Seams for tests: timers. */
export interface ControlClock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}
const realClock: ControlClock = { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };

/**
 * Run one command under the CLI's own signal handling and deadlines. On
 * SIGINT/SIGTERM or at the deadline: stop starting new work, cancel the calls
 * in flight, let teardown run (within its own deadline), let the command write
 * what it has, and end with a clear message and STOP_EXIT_CODES. Should the
 * command still not have finished a little after the teardown deadline, the
 * CLI stops waiting for it: what it created stays in the ledger for sweep.
 * Kept inside the CLI, so it holds however the CLI is launched.
 */
export async function controlled(io: CliIo, limits: RunLimits, work: (control: RunControl) => Promise<number>, clock: ControlClock = realClock): Promise<number> {
  const controller = new AbortController();
  let stopped: StopReason | undefined;
  let idle = false;
  let giveUp: (code: number) => void = () => {};
  const gaveUp = new Promise<number>((resolve) => (giveUp = resolve));
  const timers: unknown[] = [];
  const say = (line: string) => io.err(`idchain: ${line}`);

  const stop = (reason: StopReason) => {
    if (controller.signal.aborted) return;
    if (idle) return controller.abort(reason);
    stopped = reason;
    const why = reason === 'deadline' ? `the run passed its deadline (--timeout ${limits.shown.timeout})` : `${reason} received`;
    say(`${why}: starting no new work, cancelling the calls in flight, tearing down (up to ${limits.shown.teardownTimeout}; ${reason === 'deadline' ? 'Ctrl-C' : reason} again to quit at once)`);
    controller.abort(reason);
    const grace = Math.min(30_000, limits.teardownTimeoutMs);
    timers.push(
      clock.setTimeout(() => {
        say(`teardown did not finish within --teardown-timeout ${limits.shown.teardownTimeout}: stopping now. What the run created and did not confirm gone stays in .idchain/ledger for 'idchain sweep'.`);
        giveUp(STOP_EXIT_CODES[reason]);
      }, limits.teardownTimeoutMs + grace),
    );
  };
  const unhook = io.onInterrupt?.((signal) => stop(signal));
  const deadline = limits.timeoutMs === undefined ? undefined : clock.setTimeout(() => stop('deadline'), limits.timeoutMs);
  const control: RunControl = {
    signal: controller.signal,
    limits,
    idle() {
      idle = true;
      if (deadline !== undefined) clock.clearTimeout(deadline);
    },
  };

  try {
    const code = await Promise.race([work(control), gaveUp]);
    if (!stopped) return code;
    say(`stopped (${stopped === 'deadline' ? `deadline --timeout ${limits.shown.timeout}` : stopped}); exit ${STOP_EXIT_CODES[stopped]}`);
    return STOP_EXIT_CODES[stopped];
  } catch (err) {
    if (!stopped) throw err;
    say(`stopped (${stopped}) while starting: ${(err as Error)?.message ?? String(err)}; exit ${STOP_EXIT_CODES[stopped]}`);
    return STOP_EXIT_CODES[stopped];
  } finally {
    if (deadline !== undefined) clock.clearTimeout(deadline);
    for (const t of timers) clock.clearTimeout(t);
    unhook?.();
  }
}
