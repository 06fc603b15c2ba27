import { TargetUnavailableError } from '../errors';
import { freePort as pickFreePort } from './free-port';
import type { LaunchSpec, LaunchedProcess, ProcessExit, ProcessLauncher } from './process-launcher';
import { waitUntilReady, type WaitClock } from './wait-until-ready';

export interface ServerProcessOptions {
  /** The target's name, for log lines and messages: `moto`. */
  name: string;
  launcher: ProcessLauncher;
  /** The command that serves HTTP on 127.0.0.1:`port`. */
  spec: (port: number) => LaunchSpec;
  /** Resolves when the server at `url` answers as ready; throws saying why not. */
  ready: (url: string, signal: AbortSignal) => Promise<void>;
  timeoutMs: number;
  /** What the user can do when it cannot be started; ends every failure message. */
  advice: string;
  log?: (line: string) => void;
  clock?: WaitClock;
  freePort?: () => Promise<number>;
  /** Launches to try when the port was taken between picking and binding it. */
  portAttempts?: number;
  /**
   * Recognise a known cause in the output of a process that exited early (a
   * missing module) and say it plainly; undefined to report the output as is.
   */
  diagnose?: (output: string) => string | undefined;
}

/** A server process that answered on `url`. */
export interface ServerProcess {
  readonly url: string;
  readonly port: number;
  readonly process: LaunchedProcess;
  /** Kills the process and its group; resolves once it is gone. */
  stop(): Promise<void>;
}

const TAIL_LINES = 15;

function lastLines(text: string, n = TAIL_LINES): string {
  const lines = text.trimEnd().split('\n');
  return lines.slice(-n).map((l) => `    ${l}`).join('\n');
}

function howItEnded(exit: ProcessExit): string {
  if (exit.error) return `could not be started: ${exit.error.code ?? exit.error.message}`;
  if (exit.signal) return `killed by ${exit.signal}`;
  return `exit code ${exit.code}`;
}

function outputSection(process: LaunchedProcess): string {
  const tail = process.outputTail().trim();
  return tail ? ` Its last output:\n${lastLines(tail)}\n` : ' It printed nothing. ';
}

/**
 * Start a server process on a free 127.0.0.1 port and wait until it answers.
 * Each failure — the command is missing, the process dies, nothing answers
 * before the deadline — kills whatever was started and ends in one
 * TargetUnavailableError (exit code 3) that names what is missing and what to do.
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const attempts = options.portAttempts ?? 3;
  const freePort = options.freePort ?? (() => pickFreePort('127.0.0.1'));
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const spec = options.spec(port);
    options.log?.(`starting ${options.name}: ${[spec.command, ...spec.args].join(' ')}`);
    const child = options.launcher(spec);
    const abandon = child.exited.then(howItEnded);
    let outcome;
    try {
      outcome = await waitUntilReady({
        what: `${options.name} at ${url}`,
        check: (signal) => options.ready(url, signal),
        timeoutMs: options.timeoutMs,
        abandon,
        log: options.log,
        clock: options.clock,
      });
    } catch (err) {
      await child.kill();
      throw err;
    }
    if (outcome.ready) {
      options.log?.(`${options.name} answering at ${url}`);
      return { url, port, process: child, stop: () => child.kill() };
    }
    await child.kill();
    if (outcome.why === 'abandoned') {
      const exit = await child.exited;
      if (exit.error) {
        const missing = exit.error.code === 'ENOENT' ? `${spec.command} was not found` : `${spec.command} could not be run (${exit.error.code ?? exit.error.message})`;
        throw new TargetUnavailableError(`Could not start ${options.name}: ${missing}. ${options.advice}`);
      }
      const tail = child.outputTail();
      if (/address already in use|EADDRINUSE/i.test(tail) && attempt < attempts) {
        options.log?.(`${options.name}: port ${port} was taken meanwhile; trying another`);
        continue;
      }
      const known = options.diagnose?.(tail);
      if (known) throw new TargetUnavailableError(`${known} ${options.advice}`);
      throw new TargetUnavailableError(
        `${options.name} exited before it answered at ${url} (${outcome.reason}).${outputSection(child)}${options.advice}`,
      );
    }
    const seconds = Math.round(options.timeoutMs / 100) / 10;
    throw new TargetUnavailableError(
      `${options.name} did not answer at ${url} within ${seconds} s (${outcome.attempts} attempts, last: ${outcome.lastError ?? 'no answer'}).${outputSection(child)}${options.advice}`,
    );
  }
}

/** A readiness check: GET `path` answers with a 2xx status. */
export function httpReady(path: string, fetchFn: typeof fetch = fetch) {
  return async (url: string, signal: AbortSignal): Promise<void> => {
    const res = await fetchFn(`${url}${path}`, { signal });
    await res.arrayBuffer().catch(() => undefined);
    if (!res.ok) throw new Error(`GET ${path} answered ${res.status}`);
  };
}
