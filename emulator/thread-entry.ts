import { parentPort, workerData } from 'node:worker_threads';
import { startEmulator, type StartedEmulator } from './start';
import type { HostMessage, ThreadStartData, WorkerMessage } from './thread-protocol';

// The worker side of startEmulatorThread (thread-host.ts): start the emulator
// in this thread, report its facts, then reset or stop it when asked.
const port = parentPort!;
const post = (message: WorkerMessage) => port.postMessage(message);

startEmulator(workerData as ThreadStartData).then(
  (emulator: StartedEmulator) => {
    const { url, region, accountId, version, services, mutants, credentials } = emulator;
    post({ type: 'ready', url, region, accountId, version, services: [...services], mutants: [...mutants], credentials });
    port.on('message', (message: HostMessage) => {
      const done = () => post({ type: 'done', id: message.id });
      if (message.type === 'reset') void emulator.reset().then(done);
      else void emulator.stop().then(() => {
        done();
        port.close();
      });
    });
  },
  (err: Error & { code?: string }) => {
    post({ type: 'failed', name: err.name, message: err.message, code: err.code });
    port.close();
  },
);
