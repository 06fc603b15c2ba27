import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordContract, runContract, type RunResult } from '../harness';
import { applyBaseline, loadBaselineGoldens } from '../harness/golden/apply-baseline';
import { runCli } from '../harness/cli/program';
import { enhancedFlowSuite } from '../suites/enhanced-flow/suite';

// The golden set shipped in fixtures/golden/reference, recorded by `idchain record`.
const SHIPPED = join(__dirname, '..', 'fixtures', 'golden');
const work = mkdtempSync(join(tmpdir(), 'idchain-goldens-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const suites = [enhancedFlowSuite];

function run(mutants: string[] = []): Promise<RunResult> {
  return runContract({ mutants, suites, baseline: false, ledgerDir: join(work, 'ledger') });
}

// One fresh, unmutated run serves every test that only compares it differently.
let freshRun: Promise<RunResult> | undefined;
const fresh = () => (freshRun ??= run());

function compared(result: RunResult, goldenDir = SHIPPED, today = new Date()) {
  return applyBaseline(result, { baseline: 'reference', goldens: loadBaselineGoldens(goldenDir, 'reference', suites), deviations: [], maxAgeDays: 30, today });
}

function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true })) {
    const path = join(dir, String(f));
    if (path.endsWith('.json')) out[String(f)] = readFileSync(path, 'utf8');
  }
  return out;
}

test('recording twice in a row gives byte-identical goldens', async () => {
  const dir = join(work, 'record-twice');
  const once = await recordContract({ goldenDir: dir, suites, ledgerDir: join(work, 'ledger') });
  expect([once.summary.pass, once.outcome.written.length]).toEqual([suites[0].cases.length, suites[0].cases.length]);
  const first = filesOf(dir);
  expect(Object.keys(first)).toHaveLength(enhancedFlowSuite.cases.length);
  const twice = await recordContract({ goldenDir: dir, suites, ledgerDir: join(work, 'ledger') });
  expect([twice.outcome.written, twice.outcome.unchanged.length]).toEqual([[], suites[0].cases.length]);
  expect(filesOf(dir)).toEqual(first);
});

test('the shipped reference goldens match a fresh run', async () => {
  const result = compared(await fresh());
  expect(result.cases.filter((c) => c.verdict !== 'pass').map((c) => ({ id: c.id, findings: c.findings }))).toEqual([]);
  expect(result.baseline).toEqual({ name: 'reference', missing: [], stale: [], maxAgeDays: 30 });
});

test('reversed precedence is reported on exactly the cases of the user in two groups, naming the claim', async () => {
  const result = compared(await run(['precedence-reversed']));
  // bob (admin precedence 1, editor precedence 10) signs in in exactly these two cases.
  expect(result.cases.filter((c) => c.verdict === 'fail').map((c) => c.id).sort()).toEqual(['enhanced/custom-role-in-token-honoured', 'enhanced/lowest-precedence-wins']);
  const honoured = result.cases.find((c) => c.id === 'enhanced/custom-role-in-token-honoured')!;
  // The contract holds there (the custom role is honoured), but the golden sees the token change.
  expect(honoured.findings.filter((f) => f.kind === 'contract')).toEqual([]);
  expect(honoured.findings).toContainEqual({
    path: 'InitiateAuth#1.output.AuthenticationResult.IdToken.claims.cognito:preferred_role',
    kind: 'golden',
    expected: '<role:admin>',
    actual: '<role:editor>',
  });
});

test('a tie that yields a preferred role is reported on exactly the tie cases', async () => {
  const result = compared(await run(['tie-picks-first']));
  expect(result.cases.filter((c) => c.verdict === 'fail').map((c) => c.id).sort()).toEqual([
    'enhanced/tie-different-roles-denied',
    'enhanced/tie-different-roles-no-preferred-role',
  ]);
  const denied = result.cases.find((c) => c.id === 'enhanced/tie-different-roles-denied')!;
  expect(denied.findings).toContainEqual(expect.objectContaining({ path: 'GetCredentialsForIdentity#3.error', kind: 'golden', actual: 'absent' }));
});

test('a case with no golden is reported as missing, not passed', async () => {
  const result = compared(await fresh(), join(work, 'empty'));
  expect(result.cases.every((c) => c.verdict === 'fail')).toBe(true);
  expect(result.cases[0].findings).toEqual([{ path: 'golden', kind: 'golden-missing', expected: `a reference golden for ${result.cases[0].id}`, actual: 'none recorded' }]);
  expect(result.baseline?.missing).toHaveLength(enhancedFlowSuite.cases.length);
});

test('goldens last validated longer ago than the allowed age are reported stale', async () => {
  const result = compared(await fresh(), SHIPPED, new Date(Date.now() + 40 * 86_400_000));
  expect(result.baseline?.stale.map((s) => s.id).sort()).toEqual(enhancedFlowSuite.cases.map((c) => c.id).sort());
  expect(result.cases.every((c) => c.verdict === 'pass')).toBe(true);
});

test('a hand-broken golden stops the run before anything starts: exit 2 naming the file and the path', async () => {
  const dir = join(work, 'broken');
  cpSync(SHIPPED, dir, { recursive: true });
  const file = join(dir, 'reference', 'enhanced-flow', 'no-group-denied.json');
  const golden = JSON.parse(readFileSync(file, 'utf8'));
  golden.steps[0].service = 'cognito';
  writeFileSync(file, JSON.stringify(golden));
  const err: string[] = [];
  const code = await runCli(['run', '--golden-dir', dir, '--report-dir', join(work, 'reports')], { out: () => {}, err: (t) => void err.push(t) });
  expect(code).toBe(2);
  expect(err.join('\n')).toMatch(/no-group-denied\.json does not match the golden schema at steps\.0\.service/);
  expect(err.join('\n')).not.toContain('listening on'); // the target never started
});
