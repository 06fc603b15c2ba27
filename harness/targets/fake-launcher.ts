import type { LaunchSpec, LaunchedProcess, ProcessExit, ProcessLauncher } from './process-launcher';
import type { WaitClock } from './wait-until-ready';

/** Test support: a process that does what the test says, recorded. */
export class FakeProcess implements LaunchedProcess {
  readonly pid = 4242;
  output = '';
  killed = false;
  private settle!: (exit: ProcessExit) => void;
  readonly exited = new Promise<ProcessExit>((r) => (this.settle = r));
  constructor(readonly spec: LaunchSpec) {}
  outputTail() {
    return this.output;
  }
  /** The process writes to stdout or stderr. */
  print(text: string) {
    this.output += text;
  }
  /** The process ends by itself. */
  exit(exit: ProcessExit) {
    this.settle(exit);
  }
  async kill() {
    this.killed = true;
    this.settle({ code: null, signal: 'SIGTERM' });
  }
}

/**
 * A launcher that hands each launch to `behave`, which makes the fake process
 * print, exit or fail to start; every process is kept for assertions.
 */
export function fakeLauncher(behave: (p: FakeProcess) => void = () => {}): ProcessLauncher & { processes: FakeProcess[] } {
  const processes: FakeProcess[] = [];
  const launcher = ((spec: LaunchSpec) => {
    const p = new FakeProcess(spec);
    processes.push(p);
    behave(p);
    return p;
  }) as unknown as ProcessLauncher & { processes: FakeProcess[] };
  launcher.processes = processes;
  return launcher;
}

/** A clock whose sleeps pass instantly, advancing its time. */
export function fakeClock(start = 1_000_000): WaitClock & { slept: number[] } {
  let now = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

/** A fetch refused like a closed port: what Node's fetch throws for ECONNREFUSED. */
export function refused(): Error {
  return Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
}

/** A fetch seam that answers `ok` once `readyAfter` calls have been refused; records the URLs asked. */
export function fakeFetch(readyAfter: number, answer: () => Response = () => new Response('{}', { status: 200 })) {
  const urls: { url: string; method: string }[] = [];
  const fn = (async (input: string | URL | Request, init?: RequestInit) => {
    urls.push({ url: String(input), method: init?.method ?? 'GET' });
    if (urls.length <= readyAfter) throw refused();
    return answer();
  }) as typeof fetch;
  return Object.assign(fn, { urls });
}
