import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunResult } from '../harness';
import { failed, findingsOf, startMutantRuns, type MutantSuites } from './mutant-runs';

// The S3 and session-attribute suites under the mutants that break what they
// check, each started only against the suite its cases live in: the caught
// cases are exactly those the broken behaviour decides, each naming the call.
const ledgerDir = mkdtempSync(join(tmpdir(), 'idchain-access-mutants-'));
afterAll(() => rmSync(ledgerDir, { recursive: true, force: true }));

const MUTANTS = {
  's3-policy-variables-literal': ['resource-access'],
  's3-explicit-deny-ignored': ['resource-access'],
  'transitive-tags-dropped': ['session-attributes'],
} satisfies MutantSuites<string>;
let runs: Record<keyof typeof MUTANTS, Promise<RunResult>>;
beforeAll(() => {
  runs = startMutantRuns(MUTANTS, ledgerDir);
});

const refused = (path: string) => ({ path, kind: 'unexpected-error', expected: 'success', actual: { error: 'AccessDenied', message: expect.stringContaining('because no identity-based policy allows') } });

test('policy variables left literal are caught where ${cognito-identity.amazonaws.com:sub} and ${saml:sub} decide: own prefix, listing, SAML users', async () => {
  const run = await runs['s3-policy-variables-literal'];
  expect(failed(run)).toEqual(['access/list-own-prefix-only', 'access/own-prefix-read-write', 'access/saml-session-reads-own-prefix']);
  expect(findingsOf(run, 'access/own-prefix-read-write')).toEqual([refused('PutObject(own)')]);
  expect(findingsOf(run, 'access/list-own-prefix-only')).toEqual([refused('ListObjectsV2(own)')]);
  expect(findingsOf(run, 'access/saml-session-reads-own-prefix')).toEqual([refused('GetObject(saml/ana/)')]);
  // The matrix shows the same: the cell expected allow reads deny.
  const cells = run.cases.find((c) => c.id === 'access/own-prefix-read-write')!.matrix!;
  expect(cells.map((c) => [c.expected, c.actual])).toEqual([
    ['allow', 'deny'],
    ['allow', 'not reached'],
  ]);
});

test("a bucket policy's explicit deny being ignored is caught by the explicit-deny case alone", async () => {
  const run = await runs['s3-explicit-deny-ignored'];
  expect(failed(run)).toEqual(['access/explicit-deny-wins']);
  expect(findingsOf(run, 'access/explicit-deny-wins')).toEqual([{ path: 'DeleteObject(protected/)', kind: 'unexpected-success', expected: { error: 'AccessDenied' }, actual: 'success' }]);
});

test('transitive session tags dropped in role chaining are caught: the chained session loses its tag, and an inherited key can be set again', async () => {
  const run = await runs['transitive-tags-dropped'];
  expect(failed(run)).toEqual(['attributes/inherited-transitive-tag-cannot-be-set', 'attributes/saml-principal-tags-decide-s3', 'attributes/transitive-tag-survives-chaining']);
  expect(findingsOf(run, 'attributes/transitive-tag-survives-chaining')).toEqual([refused('GetObject(projects/alpha/)')]);
  expect(findingsOf(run, 'attributes/saml-principal-tags-decide-s3')).toEqual([refused('GetObject(projects/beta/) chained')]);
  expect(findingsOf(run, 'attributes/inherited-transitive-tag-cannot-be-set')).toEqual([
    { path: 'AssumeRole(chained, project=beta)', kind: 'unexpected-success', expected: { error: 'InvalidParameterValue' }, actual: 'success' },
  ]);
});
