import { createClients, type Clients } from '../clients/factory';
import { DEFAULT_HTTP_TIMEOUTS, type HttpTimeouts } from '../clients/http-handler';
import type { RetryPolicy } from '../clients/propagation-retry';
import type { Traffic } from '../clients/traffic';
import { resolveTarget } from '../targets/registry';
import type { StartedTarget, Target } from '../targets/target';
import { identifyAccount } from './account';
import { Ledger } from './ledger';
import { newRunId } from './names';
import { provisionFixture, type ProvisionOptions } from './provision';
import type { FixtureSpec, ProvisionedFixture } from './spec';
import { teardownLedger, teardownResources, type ResourceTeardown, type ResourceTeardownOptions, type TeardownResult } from './teardown';

/** How long teardown may take, interrupted or not: what it has not confirmed gone by then stays ledgered for `sweep`. */
export const DEFAULT_TEARDOWN_TIMEOUT_MS = 5 * 60_000;

export interface SessionOptions {
  /**
   * Where to work: a target name (`reference`, the default; `aws`, `moto`,
   * `cognito-local`, `localstack`, or any name with `endpoint`), a Target to
   * start, or a target already started, which the session leaves running.
   */
  target?: string | Target | StartedTarget;
  /** An emulator already running at this URL. */
  endpoint?: string;
  /** The region to work in; otherwise AWS_REGION (us-east-1 for the emulators). */
  region?: string;
  /** Deliberate faults for the reference emulator (emulator/mutants.ts). */
  mutants?: string[];
  runId?: string;
  /** Where the ledger is written; `.idchain/ledger` by default. */
  ledgerDir?: string;
  retry?: RetryPolicy;
  /**
   * The ARN of the managed policy every role and user the session creates
   * carries as its permissions boundary; otherwise IDCHAIN_PERMISSIONS_BOUNDARY
   * when the target is aws (ci/aws/bootstrap.yaml's BoundaryPolicyArn).
   */
  permissionsBoundary?: string;
  /** Connection and request timeout of every SDK call. */
  timeouts?: HttpTimeouts;
  /** Aborting it cancels the session's calls in flight (an interrupt, a deadline); teardown still runs, on its own clients. */
  signal?: AbortSignal;
  /** How long teardown may take; DEFAULT_TEARDOWN_TIMEOUT_MS by default. */
  teardownTimeoutMs?: number;
  /** The rate budget every call waits for and the log it is written to, teardown's calls too (a weathered run). */
  traffic?: Traffic;
  /** Attempts the SDK makes of a throttled or faulted call (its default is 3). */
  maxAttempts?: number;
  log?: (line: string) => void;
}

/** Where a provisioning's resources go on the run's timeline, and who hears what became of each. */
export type ProvisionTracking = Pick<ProvisionOptions, 'timeline' | 'timelinePrefix' | 'onResource' | 'propagationBoundMs'>;

/**
 * A started target with signed SDK clients and a ledger: what any work on
 * throwaway resources needs. `provision` creates a fixture (ledgered as it
 * goes), `teardown` deletes everything ledgered so far, and disposing the
 * session tears down, closes the clients and stops a target it started.
 */
export interface Session extends AsyncDisposable {
  readonly target: StartedTarget;
  readonly clients: Clients;
  readonly ledger: Ledger;
  readonly runId: string;
  /** The account the credentials act in, where the target tells. */
  readonly account?: string;
  /** `scope` keeps the names of several fixtures in one run apart (default `fx`). */
  provision(spec: FixtureSpec, scope?: string, tracking?: ProvisionTracking): Promise<ProvisionedFixture>;
  /**
   * Delete these resources now, as many at once as their order allows (each
   * after whatever named it), on the session's clients: one suite's fixture
   * as soon as its cases are done. What is not confirmed gone stays ledgered
   * for {@link teardown}.
   */
  teardownSome(resources: readonly ResourceTeardown[], options?: Pick<ResourceTeardownOptions, 'timeline' | 'afterAll'>): Promise<TeardownResult>;
  /**
   * Delete what the ledger holds, newest first, each deletion confirmed with
   * the target, within the teardown deadline; what is not confirmed gone stays
   * ledgered for `sweep`.
   */
  teardown(): Promise<TeardownResult>;
  /**
   * Close the clients and stop the target if the session started it, leaving
   * the ledger as it is (`--keep`; `ledger.released()` also tells sweep it may
   * take the resources while this process still runs).
   */
  release(): Promise<void>;
  /** Teardown, then release. */
  close(): Promise<TeardownResult>;
}

function isStarted(target: Target | StartedTarget): target is StartedTarget {
  return 'credentials' in target;
}

/**
 * Open a session: resolve and start the target (bad names are usage errors,
 * an unreachable one TargetUnavailableError, before anything is created), and
 * ask it who the credentials are (refused credentials: TargetUnavailableError).
 *
 * ```ts
 * await using session = await openSession({ target: 'reference' });
 * const fx = await session.provision({ userPools: { main: { clients: { web: { authFlows: ['USER_PASSWORD_AUTH'] } } } } });
 * ```
 */
export async function openSession(options: SessionOptions = {}): Promise<Session> {
  const requested = options.target ?? 'reference';
  const given = typeof requested === 'string' ? resolveTarget({ name: requested, endpoint: options.endpoint, region: options.region, mutants: options.mutants }) : requested;
  const owned = !isStarted(given);
  const target = isStarted(given) ? given : await given.start({ log: options.log });
  const timeouts = options.timeouts ?? DEFAULT_HTTP_TIMEOUTS;
  const traffic = { traffic: options.traffic, maxAttempts: options.maxAttempts };
  const clients = createClients(target, { timeouts, signal: options.signal, ...traffic });
  let account: string | undefined;
  try {
    account = await identifyAccount(clients, target);
  } catch (err) {
    clients.destroy();
    if (owned) await target.stop();
    throw err;
  }
  const runId = options.runId ?? newRunId();
  const ledger = new Ledger(
    {
      runId,
      target: target.name,
      targetKind: target.kind,
      endpoint: target.endpoint,
      region: target.region,
      account,
      services: target.services,
      lifetime: target.lifetime ?? 'independent',
    },
    options.ledgerDir,
  );
  const permissionsBoundary = options.permissionsBoundary ?? (target.kind === 'aws' ? process.env.IDCHAIN_PERMISSIONS_BOUNDARY || undefined : undefined);
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    clients.destroy();
    if (owned) await target.stop();
  };
  const teardown = async () => {
    // Clients of its own, not cancelled by the session's signal: teardown runs after an interrupt, until its own deadline.
    const deadline = AbortSignal.timeout(options.teardownTimeoutMs ?? DEFAULT_TEARDOWN_TIMEOUT_MS);
    const own = createClients(target, { timeouts, signal: deadline, ...traffic });
    try {
      return await teardownLedger(own, ledger, { signal: deadline });
    } finally {
      own.destroy();
    }
  };
  const close = async () => {
    try {
      return await teardown();
    } finally {
      await release();
    }
  };
  return {
    target,
    clients,
    ledger,
    runId,
    account,
    provision: (spec, scope = 'fx', tracking = {}) => provisionFixture(spec, runId, { clients, ledger, region: target.region, scope, retry: options.retry, permissionsBoundary, log: options.log, ...tracking }),
    teardownSome: (resources, tracking = {}) => teardownResources(clients, ledger, resources, { ...tracking, signal: options.signal }),
    teardown,
    release,
    close,
    [Symbol.asyncDispose]: async () => {
      await close();
    },
  };
}
