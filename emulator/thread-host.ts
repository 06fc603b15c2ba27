import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type * as WorkerThreads from 'node:worker_threads';
import { EmulatorOptionError } from './admin-keys';
import type { EmulatorHealth } from './control';
import type { EmulatorOptions, StartedEmulator } from './start';
import { WeatherProfileError } from './weather/load-profile';
import type { WeatherStats } from './weather/weather';
import type { HostMessage, ThreadReady, ThreadStartData, WorkerMessage } from './thread-protocol';

/** The options a thread can take: all but the in-process seams (clock, observer, the weather's sleep). */
export type ThreadEmulatorOptions = Omit<EmulatorOptions, 'clock' | 'observe' | 'sleep'>;

/** How long a stats() call waits for the emulator thread before it gives up: it answers between two requests. */
const STATS_WAIT_MS = 10_000;

const ENTRY = join(__dirname, 'thread-entry.js');

/**
 * Whether the emulator can run in a worker thread: only from the built
 * package, where its entry is JavaScript. From the TypeScript sources (jest,
 * tsx) a worker could not load it, and callers start it in-process instead.
 */
export function canStartEmulatorThread(): boolean {
  return existsSync(ENTRY);
}

/**
 * Start the reference emulator in a worker thread of this process. It answers
 * on its own port exactly as startEmulator's does; the difference is the core
 * it runs on. A caller that drives the emulator hard from the same process
 * (the harness running the contract: SDK clients on one side, the emulator's
 * signature checks, policy evaluation, JWT and SAML signatures on the other)
 * then uses two cores instead of sharing one.
 */
export async function startEmulatorThread(options: ThreadEmulatorOptions = {}): Promise<StartedEmulator> {
  // Loaded here: `idchain emulator` and an in-process startEmulator() never start a thread.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Worker, MessageChannel, receiveMessageOnPort } = require('node:worker_threads') as typeof WorkerThreads;
  const stats = new MessageChannel();
  const statsSignal = new SharedArrayBuffer(4);
  const data: ThreadStartData = { ...options, mutants: options.mutants ? [...options.mutants] : undefined, statsPort: stats.port2, statsSignal };
  const worker = new Worker(ENTRY, { workerData: data, transferList: [stats.port2] });
  stats.port1.unref();
  const pending = new Map<number, () => void>();
  let nextId = 0;
  const ready = await new Promise<ThreadReady>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The emulator thread ended (exit code ${code}) before it was ready.`)));
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') return resolve(message);
      if (message.type === 'failed') {
        const known: Record<string, new (message: string) => Error> = { EmulatorOptionError, WeatherProfileError };
        const err = new (known[message.name] ?? Error)(message.message);
        return reject(Object.assign(err, message.code ? { code: message.code } : {}));
      }
      pending.get(message.id)?.();
      pending.delete(message.id);
    });
  });
  // From here on the thread's end settles whatever was asked of it: nothing waits on a thread that is gone.
  let exited = false;
  worker.removeAllListeners('exit');
  worker.removeAllListeners('error');
  worker.on('error', (err) => process.stderr.write(`[idchain emulator] the emulator thread failed: ${err.stack ?? err.message}\n`));
  worker.on('exit', () => {
    exited = true;
    for (const done of pending.values()) done();
    pending.clear();
  });
  const ask = (type: HostMessage['type']) =>
    new Promise<void>((resolve) => {
      if (exited) return resolve();
      const id = nextId++;
      pending.set(id, resolve);
      worker.postMessage({ type, id } satisfies HostMessage);
    });
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= ask('stop').then(() => worker.terminate().then(() => undefined)));
  // The weather's counters, asked of the thread synchronously (StartedEmulator.weather.stats() is synchronous).
  let lastStats: WeatherStats | undefined;
  const weatherStats = (): WeatherStats => {
    if (exited) {
      if (lastStats) return lastStats;
      throw new Error('The emulator thread has ended: its weather counters went with it.');
    }
    const signal = new Int32Array(statsSignal);
    Atomics.store(signal, 0, 0);
    stats.port1.postMessage('stats');
    if (Atomics.wait(signal, 0, 0, STATS_WAIT_MS) === 'timed-out') throw new Error(`The emulator thread did not answer for its weather counters within ${STATS_WAIT_MS} ms.`);
    lastStats = receiveMessageOnPort(stats.port1)!.message as WeatherStats;
    return lastStats;
  };
  const health: EmulatorHealth = { status: 'running', services: ready.services, region: ready.region, version: ready.version };
  return {
    url: ready.url,
    region: ready.region,
    accountId: ready.accountId,
    version: ready.version,
    services: ready.services,
    mutants: ready.mutants,
    credentials: ready.credentials,
    weather: { ...ready.weather, stats: weatherStats },
    health: () => ({ ...health, services: [...health.services] }),
    reset: () => ask('reset'),
    stop,
    [Symbol.asyncDispose]: stop,
  };
}
