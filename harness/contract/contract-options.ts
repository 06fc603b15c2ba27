import type { HttpTimeouts } from '../clients/http-handler';
import type { RetryPolicy } from '../clients/propagation-retry';
import type { CaseResult } from '../runner/result';
import type { SuiteDefinition } from '../runner/suite';
import { resolveTarget } from '../targets/registry';
import type { StartedTarget, Target } from '../targets/target';
import type { WeatherRequest } from '../targets/weather';
import { UsageError } from '../errors';
import { loadSuites } from './load-suites';
import { selectSuites } from './select-suites';

/**
 * What runContract and recordContract share: where to run and which cases.
 * `weather`, `seed` and `weatherScale` start the reference emulator in AWS's
 * weather (`aws`, or a JSON profile's path); the run then keeps under the
 * profile's quotas and waits once for IAM to settle before cases start.
 */
export interface ContractTargetOptions extends WeatherRequest {
  /**
   * A target name (`reference` by default, `aws`, `moto`, …, any name with
   * `endpoint`), a Target to start and stop, or a target already started,
   * which is left running.
   */
  target?: string | Target | StartedTarget;
  /** An emulator already running at this URL. */
  endpoint?: string;
  /** The region to run in; otherwise AWS_REGION (us-east-1 for the emulators). */
  region?: string;
  /** Deliberate faults for the reference emulator (emulator/mutants.ts), to prove the suites can fail. */
  mutants?: string[];
  /** Globs over suite names or case ids, comma-separated: `enhanced-flow`, `enhanced/custom-*`. */
  suite?: string;
  /** The suites to choose from; suites/index.ts by default. */
  suites?: readonly SuiteDefinition[];
  /** Where the ledger is written; `.idchain/ledger` by default. */
  ledgerDir?: string;
  retry?: RetryPolicy;
  /** Cases run at once; 4 by default (32 when the target has weather). */
  concurrency?: number;
  /** In weather, keep each service's quotas with client-side limiters (default true); false leaves throttling to the SDK's retries. */
  rateLimit?: boolean;
  /** Aborting stops new cases and cancels the calls in flight; teardown still runs, within its own deadline. */
  signal?: AbortSignal;
  /** Connection and request timeout of every SDK call. */
  timeouts?: HttpTimeouts;
  /** How long teardown may take (5 minutes by default); what it has not confirmed gone by then stays ledgered for sweep. */
  teardownTimeoutMs?: number;
  /** Aborting it starts no further case (each reports the abort's reason as its error); cases running finish, teardown runs: `--bail`. */
  stopNewCases?: AbortSignal;
  /** Progress lines: provisioning, waiting for IAM, tearing down. */
  log?: (line: string) => void;
  /** Called as each case finishes, with its final verdict (runContract has compared it with its golden). */
  onCase?: (result: CaseResult) => void;
}

/** The suites and the target a contract run uses, checked before anything starts (bad names are usage errors). */
export function resolveContract(options: ContractTargetOptions): { suites: SuiteDefinition[]; target: Target | StartedTarget } {
  const suites = selectSuites(options.suites ?? loadSuites(), options.suite);
  const requested = options.target ?? 'reference';
  const weather = { weather: options.weather, seed: options.seed, weatherScale: options.weatherScale };
  if (typeof requested !== 'string' && Object.values(weather).some((v) => v !== undefined)) {
    throw new UsageError(`weather, seed and weatherScale apply to the reference emulator a run starts by name; target ${requested.name} was given as an object. Expected: target: 'reference' with them, or a target started with its own weather (referenceTarget({ weather })).`);
  }
  const target = typeof requested === 'string' ? resolveTarget({ name: requested, endpoint: options.endpoint, region: options.region, mutants: options.mutants, ...weather }) : requested;
  return { suites, target };
}

/** Start the target unless it is running already; `stop` stops only what was started here. */
export async function startTarget(target: Target | StartedTarget, log?: (line: string) => void): Promise<{ started: StartedTarget; stop: () => Promise<void> }> {
  if ('credentials' in target) return { started: target, stop: async () => {} };
  const started = await target.start({ log });
  return { started, stop: () => started.stop() };
}
