import { parentPort, workerData } from 'node:worker_threads';
import { startEmulator, type StartedEmulator } from './start';
import type { HostMessage, ThreadStartData, WorkerMessage } from './thread-protocol';

// The worker side of startEmulatorThread (thread-host.ts): start the emulator
// in this thread, report its facts, then reset or stop it when asked, and
// answer the weather's counters whenever the host asks.
const port = parentPort!;
const post = (message: WorkerMessage) => port.postMessage(message);

const { statsPort, statsSignal, ...options } = workerData as ThreadStartData;

startEmulator(options).then(
  (emulator: StartedEmulator) => {
    const { url, region, accountId, version, services, mutants, credentials } = emulator;
    const { profile, seed, scale } = emulator.weather;
    // The host waits, blocked, for this answer: post it, then wake the host.
    const signal = new Int32Array(statsSignal);
    statsPort.on('message', () => {
      statsPort.postMessage(emulator.weather.stats());
      Atomics.store(signal, 0, 1);
      Atomics.notify(signal, 0);
    });
    statsPort.unref();
    post({ type: 'ready', url, region, accountId, version, services: [...services], mutants: [...mutants], credentials, weather: { profile, seed, scale } });
    port.on('message', (message: HostMessage) => {
      const done = () => post({ type: 'done', id: message.id });
      if (message.type === 'reset') void emulator.reset().then(done);
      else void emulator.stop().then(() => {
        done();
        statsPort.close();
        port.close();
      });
    });
  },
  (err: Error & { code?: string }) => {
    post({ type: 'failed', name: err.name, message: err.message, code: err.code });
    statsPort.close();
    port.close();
  },
);
