import type { HttpTimeouts } from '../clients/http-handler';
import type { RetryPolicy } from '../clients/propagation-retry';
import type { StartedTarget } from '../targets/target';
import type { CaseResult } from './result';
import type { SuiteDefinition } from './suite';

export interface RunOptions {
  target: StartedTarget;
  suites: readonly SuiteDefinition[];
  runId?: string;
  ledgerDir?: string;
  /**
   * In weather, every call waits for a rate budget sized from the weather's
   * quotas (default). `false` sends as fast as the work allows and leaves
   * throttling to the SDK's retries: to see what the limiters save.
   */
  rateLimit?: boolean;
  /** Cases run at once; fixtures are shared read-only within a suite. 4 by default, WEATHER_CONCURRENCY in weather. */
  concurrency?: number;
  retry?: RetryPolicy;
  /** The permissions boundary every created role and user carries (SessionOptions.permissionsBoundary). */
  permissionsBoundary?: string;
  /** Aborting stops new work and cancels the calls in flight; teardown still runs, on clients of its own, within its deadline. */
  signal?: AbortSignal;
  timeouts?: HttpTimeouts;
  teardownTimeoutMs?: number;
  /**
   * Aborting it starts no further case, which reports the abort's reason as
   * its error; cases running finish and teardown runs as usual (`--bail`).
   */
  stopNewCases?: AbortSignal;
  log?: (line: string) => void;
  /** Called as each case finishes, for live progress. */
  onCase?: (result: CaseResult) => void;
}
