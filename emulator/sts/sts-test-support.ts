// Helpers for this directory's unit tests: an emulator state on a manual
// clock, the bootstrap admin as caller, roles placed in IAM state, and the
// AwsServiceError an operation throws. Not a test file itself.
import { bootstrapAdmin } from '../bootstrap';
import { addRole, testState } from '../cognito-identity/test-support';
import { AwsServiceError } from '../errors';
import type { Role } from '../iam/state';
import type { MutantName } from '../mutants';
import { parseIdentityPolicy, parseTrustPolicy } from '../policy/evaluate';
import type { Principal } from '../principal';
import type { RequestContext } from '../service';

export function stsWorld(mutants: MutantName[] = []) {
  const { state, clock } = testState(mutants);
  const keys = bootstrapAdmin(state);
  const admin = state.credentials.get(keys.accessKeyId)!.principal;
  const ctx = (caller: Principal | undefined = admin, operation = 'Test'): RequestContext => ({
    state,
    requestId: 'test',
    service: 'sts',
    operation,
    caller,
    region: state.region,
    now: clock.now(),
  });
  /** A role with this trust policy, MaxSessionDuration and inline permission policies. */
  const role = (name: string, trust: unknown, opts: { maxSessionDuration?: number; policies?: unknown[] } = {}): Role => {
    const r = addRole(state, name, parseTrustPolicy(JSON.stringify(trust)));
    r.assumeRolePolicyDocument = JSON.stringify(trust);
    if (opts.maxSessionDuration) r.maxSessionDuration = opts.maxSessionDuration;
    (opts.policies ?? []).forEach((p, i) => {
      const json = JSON.stringify(p);
      parseIdentityPolicy(json);
      r.inlinePolicies.set(`p${i}`, json);
    });
    return r;
  };
  /** The principal of credentials an operation answered. */
  const principalOf = (out: { Credentials: { AccessKeyId: string } }): Principal => state.credentials.get(out.Credentials.AccessKeyId)!.principal;
  return { state, clock, admin, ctx, role, principalOf };
}

/** Seconds from now until the credentials an operation answered expire. */
export function lifetimeSeconds(out: { Credentials: { Expiration: Date } }, now: Date): number {
  return (out.Credentials.Expiration.getTime() - now.getTime()) / 1000;
}

/** The AwsServiceError an operation throws, as code/status/message; fails when it does not throw. */
export async function refusal(run: () => unknown): Promise<{ code: string; status: number; message: string }> {
  try {
    await run();
  } catch (err) {
    if (!(err instanceof AwsServiceError)) throw err;
    return { code: err.code, status: err.status, message: err.message };
  }
  throw new Error('expected the operation to be refused; it succeeded');
}
