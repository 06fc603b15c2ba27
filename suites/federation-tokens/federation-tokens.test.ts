import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { referenceTarget, runSuites, type RunResult } from '../../harness';
import { federationTokensSuite } from './suite';

// The contract suite against the reference emulator: every case must pass.
// The expectations come from AWS documentation (each case cites it), not from the emulator.
const ledgerDir = mkdtempSync(join(tmpdir(), 'idchain-suite-'));
let run: RunResult;

beforeAll(async () => {
  const target = await referenceTarget().start({});
  try {
    run = await runSuites({ target, suites: [federationTokensSuite], ledgerDir });
  } finally {
    await target.stop();
  }
});
afterAll(() => rmSync(ledgerDir, { recursive: true, force: true }));

test.each(federationTokensSuite.cases.map((c) => [c.id]))('%s passes on the reference emulator', (id) => {
  const result = run.cases.find((c) => c.id === id)!;
  expect({ verdict: result.verdict, findings: result.findings, error: result.error }).toEqual({ verdict: 'pass', findings: [], error: undefined });
});

test('every case recorded the SDK calls it made, and teardown left nothing behind', () => {
  for (const result of run.cases) expect([result.id, result.steps.length > 0]).toEqual([result.id, true]);
  expect(run.leftovers).toEqual([]);
});
