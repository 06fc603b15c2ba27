import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunResult } from '../harness';
import { failed, findingsOf, startMutantRuns, type MutantSuites } from './mutant-runs';

// The identity-pool flow suites (basic, guest, developer, rules, linking) under
// the mutants that break what they check. Each mutant runs against the suites
// named beside it (those of the cases its test expects to catch it); within
// them, exactly those cases must fail, each naming the difference.
const ledgerDir = mkdtempSync(join(tmpdir(), 'idchain-flow-mutants-'));
afterAll(() => rmSync(ledgerDir, { recursive: true, force: true }));

// The runs are independent: started together, their waits (the expired-token case) overlap.
const MUTANTS = {
  // Its rows fail in both duration tables, whatever issued the token.
  'duration-bounds-off': ['basic-flow', 'sts-duration-bounds'],
  'classic-flow-flag-ignored': ['basic-flow'],
  'guest-allowed-when-disabled': ['guest-access'],
  'rules-last-match': ['rules-mapping'],
  'developer-identity-not-reused': ['developer-identities'],
  'sign-in-identity-not-reused': ['identity-linking'],
} satisfies MutantSuites<string>;
let runs: Record<keyof typeof MUTANTS, Promise<RunResult>>;
beforeAll(() => {
  runs = startMutantRuns(MUTANTS, ledgerDir);
});

const stsAccepted = [{ path: 'AssumeRoleWithWebIdentity', kind: 'unexpected-success', expected: { error: 'ValidationError' }, actual: 'success' }];

test('DurationSeconds outside 900..MaxSessionDuration being accepted is caught by each refused row of the matrix', async () => {
  const run = await runs['duration-bounds-off'];
  // The mutant breaks AssumeRoleWithWebIdentity alone: its rows fail in both tables, whatever issued the token.
  expect(failed(run)).toEqual([
    'basic/duration-3601-refused-max-3600',
    'basic/duration-43201-refused',
    'basic/duration-7201-refused-max-7200',
    'basic/duration-899-refused',
    'sts-duration/web-identity-max3600-3601',
    'sts-duration/web-identity-max3600-899',
    'sts-duration/web-identity-max43200-43201',
    'sts-duration/web-identity-max7200-7201',
  ]);
  for (const id of failed(run)) expect([id, findingsOf(run, id)]).toEqual([id, stsAccepted]);
});

test('GetOpenIdToken serving a pool without AllowClassicFlow is caught', async () => {
  const run = await runs['classic-flow-flag-ignored'];
  expect(failed(run)).toEqual(['basic/classic-flow-disabled-refused']);
  expect(findingsOf(run, 'basic/classic-flow-disabled-refused')).toEqual([
    { path: 'GetOpenIdToken', kind: 'unexpected-success', expected: { error: 'InvalidParameterException' }, actual: 'success' },
  ]);
});

test('a guest identity from a pool that disallows guests is caught', async () => {
  const run = await runs['guest-allowed-when-disabled'];
  expect(failed(run)).toEqual(['guest/disabled-pool-refuses-getid']);
  expect(findingsOf(run, 'guest/disabled-pool-refuses-getid')).toEqual([
    { path: 'GetId', kind: 'unexpected-success', expected: { error: 'NotAuthorizedException' }, actual: 'success' },
  ]);
});

test('the last matching rule winning instead of the first is caught', async () => {
  const run = await runs['rules-last-match'];
  expect(failed(run)).toEqual(['rules/first-match-wins']);
  const [finding, ...others] = findingsOf(run, 'rules/first-match-wins');
  expect(others).toEqual([]);
  expect(finding).toEqual({ path: 'GetCallerIdentity.Arn.role', kind: 'contract', expected: expect.stringMatching(/-finance$/), actual: expect.stringMatching(/-auditor$/) });
});

test('a developer user given a new identity each time is caught by the developer-identities suite', async () => {
  const run = await runs['developer-identity-not-reused'];
  expect(failed(run)).toEqual(['developer/link-to-existing-identity', 'developer/same-user-same-identity']);
  expect(findingsOf(run, 'developer/same-user-same-identity')).toEqual([
    expect.objectContaining({ path: 'GetOpenIdTokenForDeveloperIdentity[2].IdentityId', kind: 'contract' }),
  ]);
});

test('a user-pool login given a new identity each time is caught by the identity-linking suite', async () => {
  const run = await runs['sign-in-identity-not-reused'];
  expect(failed(run)).toEqual(expect.arrayContaining(['linking/same-user-same-identity', 'linking/second-provider-login-links']));
  expect(findingsOf(run, 'linking/same-user-same-identity')).toContainEqual(expect.objectContaining({ path: 'GetId[2].IdentityId', kind: 'contract' }));
});
