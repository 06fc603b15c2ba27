import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type * as WorkerThreads from 'node:worker_threads';
import { EmulatorOptionError } from './admin-keys';
import type { EmulatorHealth } from './control';
import type { EmulatorOptions, StartedEmulator } from './start';
import type { HostMessage, ThreadReady, ThreadStartData, WorkerMessage } from './thread-protocol';

/** The options a thread can take: all but the in-process seams (clock, observer). */
export type ThreadEmulatorOptions = Omit<EmulatorOptions, 'clock' | 'observe'>;

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
  const data: ThreadStartData = { ...options, mutants: options.mutants ? [...options.mutants] : undefined };
  // Loaded here: `idchain emulator` and an in-process startEmulator() never start a thread.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Worker } = require('node:worker_threads') as typeof WorkerThreads;
  const worker = new Worker(ENTRY, { workerData: data });
  const pending = new Map<number, () => void>();
  let nextId = 0;
  const ready = await new Promise<ThreadReady>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The emulator thread ended (exit code ${code}) before it was ready.`)));
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') return resolve(message);
      if (message.type === 'failed') {
        const err = message.name === 'EmulatorOptionError' ? new EmulatorOptionError(message.message) : new Error(message.message);
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
  const health: EmulatorHealth = { status: 'running', services: ready.services, region: ready.region, version: ready.version };
  return {
    url: ready.url,
    region: ready.region,
    accountId: ready.accountId,
    version: ready.version,
    services: ready.services,
    mutants: ready.mutants,
    credentials: ready.credentials,
    health: () => ({ ...health, services: [...health.services] }),
    reset: () => ask('reset'),
    stop,
    [Symbol.asyncDispose]: stop,
  };
}
