import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineSuite, type SuiteDefinition } from '../harness';
import { runCli } from '../harness/cli/program';
import { runCommand } from '../harness/cli/commands/run';
import type { CliIo } from '../harness/cli/io';

// The CLI as CI uses it: --list, --bail, --quiet, conformance --json.
const work = mkdtempSync(join(tmpdir(), 'idchain-cli-ci-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t) };
}

describe('--list', () => {
  it('lists the selected cases (id, suite, title) and exits 0 without reaching the target', async () => {
    const io = capture();
    // Nothing listens on port 1: a run would exit 3 (target unavailable).
    const code = await runCli(['run', '--list', '--target', 'moto', '--endpoint', 'http://127.0.0.1:1', '--suite', 'enhanced/*-role,guest-access'], io);
    expect([code, io.stderr]).toEqual([0, []]);
    const lines = io.stdout.join('\n').split('\n');
    expect(lines[0]).toMatch(/^enhanced\/editor-gets-editor-role +enhanced-flow +A user in the editor group gets the editor role$/);
    expect(lines.filter((l) => !/^(enhanced\/\S+-role +enhanced-flow|guest\/\S+ +guest-access) +\S/.test(l))).toEqual([]);
    expect(lines.filter((l) => l.startsWith('guest/'))).toHaveLength(6);
  });

  it('as JSON with --json, and on record and conformance too', async () => {
    const io = capture();
    expect(await runCli(['run', '--list', '--json', '--suite', 'enhanced/editor-gets-editor-role'], io)).toBe(0);
    expect(JSON.parse(io.stdout.join(''))).toEqual([{ id: 'enhanced/editor-gets-editor-role', suite: 'enhanced-flow', title: 'A user in the editor group gets the editor role' }]);
    for (const argv of [['record', '--target', 'reference'], ['conformance', '--targets', 'reference,moto']]) {
      const other = capture();
      expect(await runCli([...argv, '--list', '--suite', 'enhanced/editor-gets-editor-role'], other)).toBe(0);
      expect(other.stdout.join('\n')).toMatch(/^enhanced\/editor-gets-editor-role +enhanced-flow +A user in the editor group/);
    }
  });

  it('a glob that matches nothing is still bad usage: exit 2', async () => {
    const io = capture();
    expect(await runCli(['run', '--list', '--suite', 'enhanced-flow,enhanced*/nope'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('--suite enhanced*/nope matches no suite or case. Suites: user-pools, enhanced-flow,');
  });
});

describe('--bail and --quiet', () => {
  // Every case fails at once, on a fixture with something to tear down. Four cases run at a time
  // (runContract's default): the first to finish stops the rest from starting, whatever the timing.
  const failing = (n: number) => ({ id: `bail/case-${n}`, title: `case ${n}`, citations: [{ kind: 'doc' as const, ref: 'test' }], run: async (ctx: { expect: { equal(p: string, a: unknown, e: unknown): boolean } }) => void ctx.expect.equal('answer', 1, 2) });
  const suites: SuiteDefinition[] = [
    defineSuite({ name: 'bail', title: 'bail', services: ['cognito-idp'], fixture: { userPools: { up: { clients: {} } } }, cases: Array.from({ length: 10 }, (_, i) => failing(i + 1)) }),
  ];
  const run = (extra: { quiet?: boolean }, dir: string) => {
    const io = capture();
    const opts = { target: 'reference', reportDir: join(work, dir), suites, bail: true, ...extra };
    return runCommand(opts, io).then((code) => ({ code, io, report: JSON.parse(readFileSync(join(work, dir, 'reference', 'report.json'), 'utf8')) }));
  };

  it('--bail: the cases running finish, no other starts, they end as error saying why, teardown runs, exit 1', async () => {
    const { code, io, report } = await run({}, 'bail');
    expect(code).toBe(1);
    expect(report.summary).toEqual({ total: 10, pass: 0, fail: 4, unsupported: 0, error: 6 });
    const notRun = report.cases.filter((c: { verdict: string }) => c.verdict === 'error');
    expect(new Set(notRun.map((c: { error: string }) => c.error))).toEqual(new Set([expect.stringMatching(/^not run: --bail stopped the run after bail\/case-\d+ did not pass$/)]));
    expect(report.leftovers).toEqual([]);
    expect(io.stderr).toEqual(expect.arrayContaining(['[idchain] tearing down']));
    // One line per case as it finished, then the summary with the shared reason once.
    expect(io.stdout.filter((l) => /^(FAIL|ERROR) /.test(l))).toHaveLength(10);
    expect(io.stdout.at(-1)).toMatch(/^\n[\s\S]*6 cases, harness error: not run: --bail stopped the run after bail\/case-\d+ did not pass\n\nreference: 10 cases, 0 pass, 4 fail, 0 unsupported, 6 error in /);
  });

  it('--quiet: the summary alone on stdout, nothing on stderr', async () => {
    const { code, io } = await run({ quiet: true }, 'quiet');
    expect(code).toBe(1);
    expect(io.stderr).toEqual([]);
    expect(io.stdout).toHaveLength(1);
    expect(io.stdout[0]).toMatch(/^bail\/case-\d+: case \d+\n/);
  });
});

test('conformance --json prints the matrix on stdout, the case lines on stderr', async () => {
  const io = capture();
  const code = await runCli(['conformance', '--targets', 'reference', '--suite', 'enhanced/editor-gets-editor-role', '--json', '--report-dir', join(work, 'conformance')], io);
  expect(code).toBe(0);
  const matrix = JSON.parse(io.stdout.join('\n'));
  expect(matrix).toEqual(JSON.parse(readFileSync(join(work, 'conformance', 'conformance.json'), 'utf8')));
  expect(matrix.cases.map((c: { id: string; results: Record<string, { verdict: string }> }) => [c.id, c.results.reference.verdict])).toEqual([['enhanced/editor-gets-editor-role', 'pass']]);
  expect(io.stderr).toEqual(expect.arrayContaining([expect.stringMatching(/^reference {2}pass +\d+(\.\d)? m?s {2}enhanced\/editor-gets-editor-role$/)]));
});
