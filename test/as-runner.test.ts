import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../harness/cli/program';
import { loadSuites } from '../harness/contract/load-suites';
import { LEAK_PATTERNS } from '../harness';

// `npx idchain run --target reference --as-runner`: the whole contract signed
// as a session of the CI runner role, which the emulator builds from
// ci/aws/runner-policy.json and boundary-policy.json. Every case passes and
// none is unsupported: the runner policy is enough for a night on AWS, and
// the throwaway IAM user covers the cases that need long-term keys.
const dir = mkdtempSync(join(tmpdir(), 'idchain-as-runner-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('npx idchain run --target reference --as-runner passes every case, none unsupported, matching the goldens', async () => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['run', '--target', 'reference', '--as-runner', '--report-dir', dir], { out: (t) => void out.push(t), err: (t) => void err.push(t) });
  const report = JSON.parse(readFileSync(join(dir, 'reference', 'report.json'), 'utf8'));
  const total = loadSuites().reduce((n, s) => n + s.cases.length, 0);
  const notPassed = report.cases.filter((c: { verdict: string }) => c.verdict !== 'pass').map((c: { id: string; verdict: string; findings: unknown }) => `${c.id}: ${c.verdict} ${JSON.stringify(c.findings)}`);
  expect(notPassed).toEqual([]);
  expect(report.summary).toEqual({ total, pass: total, fail: 0, unsupported: 0, error: 0 });
  expect(code).toBe(0);
  expect(err.join('\n')).toMatch(/signing as arn:aws:sts::\d{12}:assumed-role\/ci-idchain-runner\/idchain-nightly-local/);
  // The runner's session keys and the throwaway users' access keys stay in memory: nothing written holds a secret.
  const written = readdirSync(join(dir, 'reference')).map((f) => readFileSync(join(dir, 'reference', f), 'utf8')).join('\n');
  expect(LEAK_PATTERNS.filter(({ pattern }) => pattern.test(written)).map(({ name }) => name)).toEqual([]);
});

test('--as-runner refuses a target that is not the reference emulator, before anything is created: exit 2', async () => {
  const err: string[] = [];
  const code = await runCli(['run', '--target', 'aws', '--as-runner'], { out: () => undefined, err: (t) => void err.push(t) });
  expect(code).toBe(2);
  expect(err.join('\n')).toContain('--as-runner needs the built-in reference emulator (no --endpoint)');
});
