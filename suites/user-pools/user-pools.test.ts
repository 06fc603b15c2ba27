import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { referenceTarget, runSuites, type RunResult } from '../../harness';
import { userPoolsSuite } from './suite';

const ledgerDir = mkdtempSync(join(tmpdir(), 'idchain-suite-'));
let run: RunResult;

beforeAll(async () => {
  const target = await referenceTarget().start({});
  try {
    run = await runSuites({ target, suites: [userPoolsSuite], ledgerDir });
  } finally {
    await target.stop();
  }
});
afterAll(() => rmSync(ledgerDir, { recursive: true, force: true }));

test.each(userPoolsSuite.cases.map((c) => [c.id]))('%s passes on the reference emulator', (id) => {
  const result = run.cases.find((c) => c.id === id)!;
  expect({ verdict: result.verdict, findings: result.findings, error: result.error }).toEqual({ verdict: 'pass', findings: [], error: undefined });
});
