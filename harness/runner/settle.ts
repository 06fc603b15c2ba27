import type { Clients } from '../clients/factory';
import { isPropagationError, isProviderNotYetVisible, withPropagationRetry, type RetryPolicy } from '../clients/propagation-retry';
import type { Timeline } from '../clients/timeline';
import { trafficNow, withActivity, type CallLog } from '../clients/traffic';
import type { ProvisionedFixture } from '../provisioning/spec';
import type { SuiteDefinition } from './suite';

/** IAM operations that change nothing: only writes have to propagate. */
const IAM_READ = /^(Get|List|Simulate)/;

/**
 * When a suite's last IAM change was made (a role, its trust or policies, an
 * OIDC or SAML provider) and by which of its resources, from the calls the
 * run logged: each call's end, so the change was surely made by then.
 */
export function lastIamChange(log: CallLog, resourceIds: ReadonlySet<string>): { at: number; by: string[] } | undefined {
  let at = Number.NEGATIVE_INFINITY;
  const by = new Set<string>();
  for (const call of log.calls) {
    if (call.service !== 'iam' || IAM_READ.test(call.operation) || !call.activity || !resourceIds.has(call.activity)) continue;
    if (!call.attempts.some((a) => a.outcome === 'ok')) continue;
    by.add(call.activity);
    at = Math.max(at, call.end);
  }
  return by.size > 0 ? { at, by: [...by] } : undefined;
}

export interface SettleOptions {
  suite: SuiteDefinition;
  fx: ProvisionedFixture;
  clients: Clients;
  /** The fixture's resources on the timeline. */
  resourceIds: readonly string[];
  timeline: Timeline;
  log?: CallLog;
  /** The longest an IAM change takes to propagate (the weather's bound); 0 or undefined when nothing is waited for. */
  propagationBoundMs?: number;
  retry?: RetryPolicy;
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  say?: (line: string) => void;
}

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/**
 * Hold a suite's cases until IAM has settled, paying the propagation wait
 * once and only as long as needed: the fixture's check runs at once,
 * retrying only the answers AWS gives while a change propagates, and
 * alongside it the run waits out the weather's bound from the suite's last
 * IAM change — which was made while the rest of the fixture (Cognito) was
 * still being provisioned, so most of the wait is already behind it. A check
 * proves only the roles it uses; the bound covers the others, so a case that
 * expects AccessDenied meets a settled IAM and sees the refusal it is about.
 * Returns the timeline ids the cases wait for.
 */
export async function settleIam(o: SettleOptions): Promise<string[]> {
  const { suite, timeline } = o;
  const after = [...o.resourceIds];
  const waits: Promise<void>[] = [];
  const held: string[] = [];
  if (suite.fixture.ready && !o.signal?.aborted) {
    const id = `${suite.name}/check`;
    held.push(id);
    const end = timeline.begin(id, 'check', after, suite.name);
    waits.push(
      withActivity(id, () =>
        withPropagationRetry(() => suite.fixture.ready!(o.fx, o.clients), {
          policy: o.retry,
          signal: o.signal,
          retryIf: (err) => isPropagationError(err) || isProviderNotYetVisible(err),
          onRetry: ({ attempt }) => o.say?.(`${suite.name}: waiting for IAM propagation (attempt ${attempt})`),
        }),
      )
        .catch((err) => {
          // The cases will show what is wrong, each with its own findings.
          o.say?.(`${suite.name}: fixture check failed, running the cases anyway: ${(err as Error).name}: ${(err as Error).message}`);
        })
        .finally(() => end()),
    );
  }
  const change = o.log && o.propagationBoundMs ? lastIamChange(o.log, new Set(o.resourceIds)) : undefined;
  if (change && o.propagationBoundMs) {
    const id = `${suite.name}/settle`;
    held.push(id);
    // On the critical path the wait is the bound after the changes, whatever this suite's other work overlapped it.
    const end = timeline.begin(id, 'settle', change.by, suite.name);
    const remaining = change.at + o.propagationBoundMs - trafficNow();
    if (remaining > 0) o.say?.(`${suite.name}: waiting ${Math.ceil(remaining / 1000)} s more for its IAM changes to propagate (the weather's bound, ${Math.round(o.propagationBoundMs / 1000)} s after the last)`);
    waits.push((remaining > 0 ? (o.sleep ?? defaultSleep)(remaining, o.signal) : Promise.resolve()).then(() => end({ waitedMs: o.propagationBoundMs })));
  }
  await Promise.all(waits);
  return held;
}
