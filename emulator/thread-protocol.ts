import type { AdminKeys } from './admin-keys';
import type { MutantName } from './mutants';
import type { MessagePort } from 'node:worker_threads';
import type { WeatherProfile } from './weather/profile';

/** What the host hands the worker: the serializable part of EmulatorOptions (no clock, no observer). */
export interface ThreadStartData {
  host?: string;
  port?: number;
  region?: string;
  accountId?: string;
  credentials?: AdminKeys;
  mutants?: string[];
  weather?: string | WeatherProfile;
  seed?: number;
  weatherScale?: number;
  /**
   * Where the host asks for the weather's counters synchronously: it posts on
   * `statsPort`, blocks on `statsSignal` (Atomics) until the worker has
   * answered on the same port, then takes the answer with receiveMessageOnPort.
   */
  statsPort: MessagePort;
  statsSignal: SharedArrayBuffer;
}

/** The started emulator's facts, as the worker reports them. */
export interface ThreadReady {
  type: 'ready';
  url: string;
  region: string;
  accountId: string;
  version: string;
  services: string[];
  mutants: MutantName[];
  credentials: AdminKeys;
  weather: { profile: WeatherProfile; seed: number; scale: number };
}

/** A start that failed, carried across the thread boundary with what the host needs to rethrow it alike. */
export interface ThreadFailed {
  type: 'failed';
  name: string;
  message: string;
  code?: string;
}

export type HostMessage = { type: 'reset' | 'stop'; id: number };
export type WorkerMessage = ThreadReady | ThreadFailed | { type: 'done'; id: number };
