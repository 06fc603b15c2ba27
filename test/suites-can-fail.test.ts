import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunResult } from '../harness';
import { failed, findingsOf, startMutantRuns, type MutantSuites } from './mutant-runs';

// Each mutant breaks one emulator behaviour on purpose. The contract must catch
// exactly the cases that behaviour decides, each with a finding naming the
// difference. Each mutant runs against the suites named beside it: those of
// the cases its test expects to catch it.
const ledgerDir = mkdtempSync(join(tmpdir(), 'idchain-mutants-'));
afterAll(() => rmSync(ledgerDir, { recursive: true, force: true }));

const MUTANTS = {
  // The user-pools suite sees the precedence mutants too: precedence 0 must beat 1, and a tie names no role; S3 sees ada get the editor role's rights.
  'precedence-reversed': ['enhanced-flow', 'user-pools', 'resource-access'],
  'tie-picks-first': ['enhanced-flow', 'user-pools'],
  // The guest suite's unauthenticated role that trusts only authenticated identities is caught too, and a trust lacking sts:TagSession.
  'trust-policy-ignored': ['enhanced-flow', 'guest-access', 'session-attributes'],
  'credential-lifetime-2h': ['enhanced-flow'],
  'custom-role-unchecked': ['enhanced-flow'],
} satisfies MutantSuites<string>;
let runs: Record<keyof typeof MUTANTS, Promise<RunResult>>;
beforeAll(() => {
  runs = startMutantRuns(MUTANTS, ledgerDir);
});

test('precedence reversed: the user in admin (1) and editor (10) is caught getting editor', async () => {
  const run = await runs['precedence-reversed'];
  // The user-pools suite sees it too (precedence 0 must beat 1), and so does S3: ada gets the editor role's rights.
  expect(failed(run)).toEqual(['access/admin-by-precedence-writes', 'access/admin-deletes', 'enhanced/lowest-precedence-wins', 'pool/zero-is-highest-precedence']);
  expect(findingsOf(run, 'access/admin-by-precedence-writes')[0]).toMatchObject({ path: 'GetCallerIdentity(ada).Arn.role', expected: expect.stringMatching(/-admin$/), actual: expect.stringMatching(/-editor$/) });
  const findings = findingsOf(run, 'enhanced/lowest-precedence-wins');
  const role = findings.find((f) => f.path === 'GetCallerIdentity.Arn.role')!;
  expect(role.expected).toMatch(/-admin$/);
  expect(role.actual).toMatch(/-editor$/);
  expect(findings.find((f) => f.path === 'idToken.cognito:preferred_role')?.actual).toMatch(/role\/.*-editor$/);
});

test('a precedence tie with different roles still yielding a role is caught', async () => {
  const run = await runs['tie-picks-first'];
  expect(failed(run)).toEqual(['enhanced/tie-different-roles-denied', 'enhanced/tie-different-roles-no-preferred-role', 'pool/tie-different-roles-no-preferred-role']);
  expect(findingsOf(run, 'enhanced/tie-different-roles-no-preferred-role')).toContainEqual(
    expect.objectContaining({ path: 'idToken.cognito:preferred_role', kind: 'contract', expected: 'absent' }),
  );
  expect(findingsOf(run, 'enhanced/tie-different-roles-denied')).toEqual([
    { path: 'GetCredentialsForIdentity', kind: 'unexpected-success', expected: { error: 'NotAuthorizedException' }, actual: 'success' },
  ]);
});

test('an unevaluated trust policy is caught', async () => {
  const run = await runs['trust-policy-ignored'];
  // The guest suite's unauthenticated role that trusts only authenticated identities is caught too, and a trust lacking sts:TagSession.
  expect(failed(run)).toEqual(['attributes/trust-needs-tag-session', 'enhanced/trust-for-another-pool-refused', 'guest/authenticated-only-role-refuses-guest-enhanced']);
  expect(findingsOf(run, 'attributes/trust-needs-tag-session')).toEqual([
    { path: 'GetCredentialsForIdentity', kind: 'unexpected-success', expected: { error: 'InvalidIdentityPoolConfigurationException' }, actual: 'success' },
  ]);
  expect(findingsOf(run, 'guest/authenticated-only-role-refuses-guest-enhanced')).toEqual([
    { path: 'GetCredentialsForIdentity', kind: 'unexpected-success', expected: { error: 'InvalidIdentityPoolConfigurationException' }, actual: 'success' },
  ]);
  expect(findingsOf(run, 'enhanced/trust-for-another-pool-refused')).toEqual([
    { path: 'GetCredentialsForIdentity', kind: 'unexpected-success', expected: { error: 'InvalidIdentityPoolConfigurationException' }, actual: 'success' },
  ]);
});

test('two-hour enhanced-flow credentials are caught', async () => {
  const run = await runs['credential-lifetime-2h'];
  expect(failed(run)).toEqual(['enhanced/credentials-last-one-hour']);
  const [finding] = findingsOf(run, 'enhanced/credentials-last-one-hour');
  expect(finding.path).toBe('GetCredentialsForIdentity.Credentials.lifetimeSeconds');
  expect(finding.actual).toBeGreaterThanOrEqual(7190);
});

test('a CustomRoleArn outside cognito:roles being honoured is caught', async () => {
  const run = await runs['custom-role-unchecked'];
  expect(failed(run)).toEqual(['enhanced/custom-role-outside-token-refused']);
  expect(findingsOf(run, 'enhanced/custom-role-outside-token-refused')[0].kind).toBe('unexpected-success');
});
