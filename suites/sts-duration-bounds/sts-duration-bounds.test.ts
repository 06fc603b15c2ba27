import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { referenceTarget, runSuites, type RunResult } from '../../harness';
import { stsDurationBoundsSuite } from './suite';

// The duration table against the reference emulator: every row must pass.
// Expected values come from the STS API reference and aws-contract.md §3, each row citing them.
const ledgerDir = mkdtempSync(join(tmpdir(), 'idchain-suite-'));
let run: RunResult;

beforeAll(async () => {
  const target = await referenceTarget().start({});
  try {
    run = await runSuites({ target, suites: [stsDurationBoundsSuite], ledgerDir });
  } finally {
    await target.stop();
  }
});
afterAll(() => rmSync(ledgerDir, { recursive: true, force: true }));

test.each(stsDurationBoundsSuite.cases.map((c) => [c.id]))('%s passes on the reference emulator', (id) => {
  const result = run.cases.find((c) => c.id === id)!;
  expect({ verdict: result.verdict, findings: result.findings, error: result.error }).toEqual({ verdict: 'pass', findings: [], error: undefined });
});

test('every STS operation that issues credentials has a row below the 900 s minimum, one at it, and one for the default', () => {
  const rows = stsDurationBoundsSuite.cases.map((c) => c.table!.row);
  for (const operation of ['AssumeRole', 'AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML', 'GetFederationToken', 'GetSessionToken']) {
    const asked = rows.filter((r) => r.operation === operation).map((r) => r.DurationSeconds);
    expect([operation, asked]).toEqual([operation, expect.arrayContaining([899, 900, 'omitted'])]);
  }
  expect(new Set(stsDurationBoundsSuite.cases.map((c) => c.table!.family)).size).toBe(1);
});

test('teardown left nothing behind', () => {
  expect(run.leftovers).toEqual([]);
});
