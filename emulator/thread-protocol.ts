import type { AdminKeys } from './admin-keys';
import type { MutantName } from './mutants';

/** What the host hands the worker: the serializable part of EmulatorOptions (no clock, no observer). */
export interface ThreadStartData {
  host?: string;
  port?: number;
  region?: string;
  accountId?: string;
  credentials?: AdminKeys;
  mutants?: string[];
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
