import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runContract, type ContractRun, type SuiteDefinition } from '../harness';

/**
 * The jest tests of one contract suite against the reference emulator: every
 * case passes — its expectations come from AWS documentation, each case
 * citing it, not from the emulator — every case recorded the SDK calls it
 * made, and teardown left nothing behind. Returns the run, for a suite's own
 * further checks.
 */
export function contractTest(suite: SuiteDefinition): () => ContractRun {
  const ledgerDir = mkdtempSync(join(tmpdir(), 'idchain-suite-'));
  let run: ContractRun;

  beforeAll(async () => {
    run = await runContract({ suites: [suite], baseline: false, ledgerDir });
  });
  afterAll(() => rmSync(ledgerDir, { recursive: true, force: true }));

  test.each(suite.cases.map((c) => [c.id]))('%s passes on the reference emulator', (id) => {
    const result = run.cases.find((c) => c.id === id);
    expect({ verdict: result?.verdict, findings: result?.findings, error: result?.error }).toEqual({ verdict: 'pass', findings: [], error: undefined });
  });

  test('every case recorded the SDK calls it made, and teardown left nothing behind', () => {
    for (const result of run.cases) expect([result.id, result.steps.length > 0]).toEqual([result.id, true]);
    expect(run.leftovers).toEqual([]);
  });

  return () => run;
}
