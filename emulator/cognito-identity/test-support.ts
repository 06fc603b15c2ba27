// Helpers for this directory's unit tests: an in-memory state and request
// context, IAM roles placed directly in state, and JWT-shaped test tokens.
import { ManualClock } from '../clock';
import { iamUniqueId } from '../ids';
import type { SigningKey } from '../cognito-idp/state';
import type { Role } from '../iam/state';
import type { MutantName } from '../mutants';
import type { PolicyDocument } from '../policy/evaluate';
import type { RequestContext } from '../service';
import { createState, type EmulatorState } from '../state';
import { openIdSigningKey } from './openid-token';

export const TEST_ACCOUNT = '123456789012';
export const TEST_REGION = 'us-east-1';

/** A fresh emulator state on a manual clock. */
export function testState(mutants: MutantName[] = []): { state: EmulatorState; clock: ManualClock } {
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const state = createState({ accountId: TEST_ACCOUNT, region: TEST_REGION, clock, mutants: new Set(mutants) });
  return { state, clock };
}

let sharedKey: SigningKey | undefined;

/**
 * Give a test state the identity-service signing key the other states of this
 * test file share: RSA key generation costs ~100 ms, and most tests need a
 * working key, not a distinct one. Leave a state alone to get a key of its own.
 */
export function withSharedOpenIdKey<T extends { state: EmulatorState }>(world: T): T {
  if (sharedKey) world.state.identity.openIdKey = sharedKey;
  else sharedKey = openIdSigningKey(world.state);
  return world;
}

/** The context an operation handler receives, as the router builds it. */
export function testContext(state: EmulatorState, operation = 'Test'): RequestContext {
  return {
    state,
    requestId: 'test-request',
    service: 'cognito-identity',
    operation,
    region: state.region,
    now: state.clock.now(),
  };
}

/** Put a role into IAM state the way CreateRole would leave it. */
export function addRole(state: EmulatorState, roleName: string, trustPolicy: PolicyDocument = { Statement: [] }): Role {
  const role: Role = {
    roleName,
    roleId: iamUniqueId('AROA'),
    arn: `arn:aws:iam::${state.accountId}:role/${roleName}`,
    path: '/',
    assumeRolePolicyDocument: JSON.stringify(trustPolicy),
    trustPolicy,
    maxSessionDuration: 3600,
    createDate: state.clock.now(),
    tags: [],
    inlinePolicies: new Map(),
  };
  state.iam.roles.set(roleName, role);
  return role;
}

/** An unsigned JWT-shaped string carrying these claims (signature checks are the verifier's, mocked or real). */
export function fakeJwt(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256', kid: 'test' })}.${part(claims)}.c2ln`;
}

/** Run an operation and return the AwsServiceError it throws (fails the test if it does not throw). */
export async function errorOf(run: () => unknown): Promise<{ code: string; status: number; message: string }> {
  try {
    await run();
  } catch (err) {
    const e = err as { code: string; status: number; message: string };
    return { code: e.code, status: e.status, message: e.message };
  }
  throw new Error('expected the operation to fail, it succeeded');
}
