import { spawn } from 'node:child_process';

/** What to run: a command with its arguments, working directory and environment. */
export interface LaunchSpec {
  command: string;
  args: readonly string[];
  cwd?: string;
  /** The whole environment of the child; defaults to the parent's. */
  env?: Record<string, string | undefined>;
}

/** How a launched process ended. `error` is set when it could not be started at all (ENOENT, EACCES). */
export interface ProcessExit {
  code: number | null;
  signal: string | null;
  error?: Error & { code?: string };
}

/** A process started by a {@link ProcessLauncher}. */
export interface LaunchedProcess {
  readonly pid: number | undefined;
  /** Settles once, when the process has exited or failed to start. Never rejects. */
  readonly exited: Promise<ProcessExit>;
  /** The last lines it wrote to stdout and stderr, interleaved as they came. */
  outputTail(): string;
  /**
   * Stop it and everything it started (its process group): SIGTERM, then
   * SIGKILL when it has not exited after a grace period. Resolves once it has
   * exited; safe to call twice and after it exited by itself.
   */
  kill(): Promise<void>;
}

/** The seam targets start server processes through; tests pass a fake. */
export type ProcessLauncher = (spec: LaunchSpec) => LaunchedProcess;

/** Keep this much of a child's output: enough for a traceback's last frames. */
const TAIL_CHARS = 4000;
const KILL_GRACE_MS = 3000;

/** Process groups still running, killed when idchain itself exits so none is left behind. */
const liveGroups = new Set<number>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const pid of liveGroups) signalGroup(pid, 'SIGKILL');
  });
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    // A negative pid addresses the whole group: the child is its leader (detached).
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** Keeps the last `max` characters written to it. */
export class OutputTail {
  private text = '';
  constructor(private readonly max = TAIL_CHARS) {}
  push(chunk: string): void {
    this.text = (this.text + chunk).slice(-this.max);
  }
  toString(): string {
    return this.text;
  }
}

/**
 * The default launcher: `node:child_process` with the child as the leader of
 * its own process group, so stopping it also stops whatever it started.
 */
export const nodeProcessLauncher: ProcessLauncher = (spec) => {
  installExitHook();
  const tail = new OutputTail();
  const child = spawn(spec.command, [...spec.args], {
    cwd: spec.cwd,
    env: (spec.env ?? process.env) as NodeJS.ProcessEnv,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Always drain the pipes: a server logging every request would block on a full pipe.
  child.stdout?.setEncoding('utf8').on('data', (s: string) => tail.push(s));
  child.stderr?.setEncoding('utf8').on('data', (s: string) => tail.push(s));
  // A forgotten stop() must not keep idchain alive; the exit hook still kills the group.
  child.unref();
  (child.stdout as unknown as { unref?: () => void } | null)?.unref?.();
  (child.stderr as unknown as { unref?: () => void } | null)?.unref?.();

  const pid = child.pid;
  if (pid !== undefined) liveGroups.add(pid);
  // Once the leader has exited and its group was swept, the pid may be reused: never signal it again.
  let groupGone = pid === undefined;
  const exited = new Promise<ProcessExit>((resolve) => {
    child.once('error', (error) => resolve({ code: null, signal: null, error }));
    child.once('exit', () => {
      // Whatever the leader started dies with it, also when it exits by itself.
      if (pid !== undefined) signalGroup(pid, 'SIGKILL');
      groupGone = true;
      if (pid !== undefined) liveGroups.delete(pid);
    });
    // 'close' comes after the pipes are drained, so the output tail is complete by then.
    child.once('close', (code, signal) => resolve({ code, signal }));
  });

  let killing: Promise<void> | undefined;
  return {
    pid,
    exited,
    outputTail: () => tail.toString(),
    kill() {
      killing ??= (async () => {
        if (pid === undefined || groupGone) return;
        signalGroup(pid, 'SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        const grace = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), KILL_GRACE_MS)));
        await Promise.race([exited, grace]);
        clearTimeout(timer);
        if (!groupGone) signalGroup(pid, 'SIGKILL');
        await exited;
      })();
      return killing;
    },
  };
};

/**
 * Run a short command to its end and return what it printed, killing it after
 * `timeoutMs`. For version look-ups; never throws.
 */
export async function runToEnd(
  launcher: ProcessLauncher,
  spec: LaunchSpec,
  timeoutMs = 10_000,
): Promise<{ exit: ProcessExit | 'timeout'; output: string }> {
  const child = launcher(spec);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), timeoutMs)));
  const exit = await Promise.race([child.exited, timeout]);
  clearTimeout(timer);
  if (exit === 'timeout') await child.kill();
  return { exit, output: child.outputTail() };
}
