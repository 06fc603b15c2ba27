import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunResult } from '../harness';
import { failed, findingsOf, startMutantRuns, type MutantSuites } from './mutant-runs';

// The federation and STS suites (web identity, SAML, AssumeRole, federation
// tokens, the duration table) under the mutants that break what they check.
// Each mutant runs against the suites named beside it (those of the cases its
// test expects to catch it); within them, exactly those cases must fail.
const ledgerDir = mkdtempSync(join(tmpdir(), 'idchain-federation-mutants-'));
afterAll(() => rmSync(ledgerDir, { recursive: true, force: true }));

const MUTANTS = {
  'saml-signature-unchecked': ['saml-federation'],
  'chaining-cap-off': ['assume-role', 'sts-duration-bounds'],
  // S3 sees it too: a narrowed role session, a broker's per-user session policy, and Cognito's guest scope-down.
  'session-policy-ignored': ['assume-role', 'resource-access'],
  'oidc-audience-unchecked': ['web-identity-oidc'],
  'temporary-credentials-iam-allowed': ['federation-tokens'],
  // The basic flow's tampered OpenID token goes through the same STS check.
  'web-identity-signature-unchecked': ['basic-flow', 'web-identity-oidc'],
  // The trust's ExternalId condition and its missing sts:TagSession go unread too.
  'assume-role-trust-ignored': ['assume-role', 'session-attributes'],
} satisfies MutantSuites<string>;
let runs: Record<keyof typeof MUTANTS, Promise<RunResult>>;
beforeAll(() => {
  runs = startMutantRuns(MUTANTS, ledgerDir);
});

const accepted = (path: string, error: string) => ({ path, kind: 'unexpected-success', expected: { error }, actual: 'success' });

test('an assertion whose signature does not verify being accepted is caught: tampered, and signed by another key', async () => {
  const run = await runs['saml-signature-unchecked'];
  expect(failed(run)).toEqual(['saml/other-key-refused', 'saml/tampered-assertion-refused']);
  for (const id of failed(run)) expect([id, findingsOf(run, id)]).toEqual([id, [accepted('AssumeRoleWithSAML', 'InvalidIdentityToken')]]);
});

test('role chaining beyond one hour being allowed is caught by the assume-role suite and the duration table', async () => {
  const run = await runs['chaining-cap-off'];
  expect(failed(run)).toEqual(['assume-role/chaining-capped-at-one-hour', 'sts-duration/assume-role-chained-max43200-3601']);
  expect(findingsOf(run, 'assume-role/chaining-capped-at-one-hour')).toEqual([accepted('AssumeRole(reports, 3601)', 'ValidationError')]);
  expect(findingsOf(run, 'sts-duration/assume-role-chained-max43200-3601')).toEqual([accepted('AssumeRole', 'ValidationError')]);
});

test('a session policy that does not narrow is caught: GetRole, allowed by the role but not the session policy, succeeds', async () => {
  const run = await runs['session-policy-ignored'];
  // S3 sees it too: a narrowed role session, a broker's per-user session policy, and Cognito's guest scope-down.
  expect(failed(run)).toEqual([
    'access/broker-per-user-session-policy',
    'access/guest-enhanced-scope-down-refuses-iam',
    'access/session-policy-narrows',
    'assume-role/session-policy-narrows',
  ]);
  expect(findingsOf(run, 'assume-role/session-policy-narrows')).toEqual([accepted('GetRole', 'AccessDenied')]);
  expect(findingsOf(run, 'access/session-policy-narrows')).toEqual([accepted('PutObject(scratch/)', 'AccessDenied')]);
  expect(findingsOf(run, 'access/broker-per-user-session-policy')).toEqual([accepted('GetObject(home/bob/)', 'AccessDenied')]);
  expect(findingsOf(run, 'access/guest-enhanced-scope-down-refuses-iam')).toEqual([accepted('GetRole(guest)', 'AccessDenied')]);
});

test('an ID token for a client outside the provider ClientIDList being accepted is caught', async () => {
  const run = await runs['oidc-audience-unchecked'];
  expect(failed(run)).toEqual(['oidc/wrong-audience-refused']);
  expect(findingsOf(run, 'oidc/wrong-audience-refused')).toEqual([accepted('AssumeRoleWithWebIdentity', 'InvalidIdentityToken')]);
});

test('IAM taking federation-token and MFA-less session-token credentials is caught', async () => {
  const run = await runs['temporary-credentials-iam-allowed'];
  expect(failed(run)).toEqual(['federation-token/iam-refused-despite-policy', 'federation-token/session-token-iam-refused-without-mfa']);
  expect(findingsOf(run, 'federation-token/iam-refused-despite-policy')).toEqual([accepted('ListRoles', 'any error'), accepted('GetRole', 'any error')]);
  expect(findingsOf(run, 'federation-token/session-token-iam-refused-without-mfa')).toEqual([accepted('ListRoles', 'InvalidClientTokenId')]);
});

test('web-identity tokens accepted without their signature verifying are caught: forged, foreign-key and tampered tokens', async () => {
  const run = await runs['web-identity-signature-unchecked'];
  // The basic flow's tampered OpenID token goes through the same STS check.
  expect(failed(run)).toEqual(['basic/tampered-token-refused', 'oidc/foreign-key-refused', 'oidc/tampered-token-refused']);
  for (const id of failed(run)) expect([id, findingsOf(run, id)]).toEqual([id, [accepted('AssumeRoleWithWebIdentity', 'InvalidIdentityToken')]]);
});

test('AssumeRole ignoring the trust policy is caught: an untrusted caller, and a role session assuming its own role', async () => {
  const run = await runs['assume-role-trust-ignored'];
  // The trust's ExternalId condition and its missing sts:TagSession go unread too.
  expect(failed(run)).toEqual([
    'assume-role/role-cannot-assume-itself-unless-trusted',
    'assume-role/untrusted-caller-refused',
    'attributes/external-id-missing-refused',
    'attributes/external-id-wrong-refused',
    'attributes/tags-need-tag-session',
  ]);
  expect(findingsOf(run, 'assume-role/untrusted-caller-refused')).toEqual([accepted('AssumeRole', 'AccessDenied')]);
  expect(findingsOf(run, 'attributes/external-id-missing-refused')).toEqual([accepted('AssumeRole(partner)', 'AccessDenied')]);
  expect(findingsOf(run, 'attributes/tags-need-tag-session')).toEqual([accepted('AssumeRole(untagged, tags)', 'AccessDenied')]);
  expect(findingsOf(run, 'assume-role/role-cannot-assume-itself-unless-trusted')).toEqual([accepted('AssumeRole(backend as backend)', 'AccessDenied')]);
});
