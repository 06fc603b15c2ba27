import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../harness/cli/program';
import type { CliIo } from '../harness/cli/io';

// Issue 14 § Sharding: three shards of the reference contract, merged, equal a full run case for case.
const work = mkdtempSync(join(tmpdir(), 'idchain-sharding-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t) };
}

async function cli(argv: string[]) {
  const io = capture();
  const code = await runCli(argv, io);
  return { code, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') };
}

interface Report {
  target: string;
  summary: Record<string, number>;
  cases: { id: string; suite: string; verdict: string }[];
  shard?: { index: number; count: number; suites: string[] };
  merged?: { count: number; durationMsSum: number };
}
const report = (dir: string): Report => JSON.parse(readFileSync(join(dir, 'reference', 'report.json'), 'utf8'));
const verdicts = (r: Report) => r.cases.map((c) => `${c.id} ${c.verdict}`);
const testcases = (dir: string) => [...readFileSync(join(dir, 'reference', 'junit.xml'), 'utf8').matchAll(/<testcase classname="([^"]+)" name="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);

const full = join(work, 'full');
const shardDir = (k: number) => join(work, `shard-${k}`);
let runs: { code: number; stderr: string }[];

beforeAll(async () => {
  // In-process and side by side, as the jobs of a CI matrix would run.
  runs = await Promise.all([
    cli(['run', '--quiet', '--report-dir', full]),
    ...[1, 2, 3].map((k) => cli(['run', '--quiet', '--shard', `${k}/3`, '--report-dir', shardDir(k)])),
  ]);
});

describe('run --shard K/N on the reference contract', () => {
  it('every run passes, each shard records which share it was', () => {
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    for (const k of [1, 2, 3]) expect(report(shardDir(k)).shard).toMatchObject({ index: k, count: 3 });
    expect(report(full)).not.toHaveProperty('shard');
  });

  it('the shards are disjoint, hold whole suites, and together hold every case of the full run', () => {
    const shards = [1, 2, 3].map((k) => report(shardDir(k)));
    const ids = shards.flatMap((r) => r.cases.map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(report(full).cases.map((c) => c.id).sort());
    for (const r of shards) {
      expect(r.cases.length).toBeGreaterThan(0);
      expect([...new Set(r.cases.map((c) => c.suite))]).toEqual(r.shard!.suites);
    }
  });

  it('--list --shard lists exactly the cases that shard ran', async () => {
    for (const k of [1, 2, 3]) {
      const listed = await cli(['run', '--list', '--json', '--shard', `${k}/3`]);
      expect(listed.code).toBe(0);
      expect((JSON.parse(listed.stdout) as { id: string }[]).map((c) => c.id)).toEqual(report(shardDir(k)).cases.map((c) => c.id));
    }
  });

  it('record --shard writes the goldens of its share only: two shards write each golden once', async () => {
    // README § What it checks: guest-access has 6 cases, assume-role 10.
    const written: string[][] = [];
    for (const k of [1, 2]) {
      const goldens = join(work, `goldens-${k}`);
      const result = await cli(['record', '--target', 'reference', '--quiet', '--suite', 'guest-access,assume-role', '--shard', `${k}/2`, '--golden-dir', goldens]);
      expect(result.code).toBe(0);
      const suites = readdirSync(join(goldens, 'reference'));
      expect(suites).toHaveLength(1);
      const cases = suites[0] === 'guest-access' ? 6 : 10;
      expect(result.stdout).toContain(`shard ${k}/2: ${suites[0]} (${cases} of 16 cases)`);
      written.push(readdirSync(join(goldens, 'reference', suites[0])).map((f) => `${suites[0]}/${f}`));
    }
    expect(written.flat().map((f) => f.split('/')[0]).sort()).toEqual([...Array(10).fill('assume-role'), ...Array(6).fill('guest-access')]);
  });

  it.each(['0/3', '4/3', 'a/b', '3'])('refuses --shard %s with one message and exit 2, before anything starts', async (value) => {
    const dir = join(work, `bad-${value.replace('/', '-')}`);
    for (const command of [['run', '--report-dir', dir], ['record', '--target', 'reference', '--golden-dir', dir]]) {
      const result = await cli([...command, '--shard', value]);
      expect(result.code).toBe(2);
      expect(result.stderr.split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(new RegExp(`^idchain: --shard "?${value}"?(:| is not K/N)`));
      expect(existsSync(dir)).toBe(false);
    }
  });
});

describe('merge-reports', () => {
  const out = join(work, 'merged');

  it('merges the three shards into a report equal to the full run, case for case, and exits 0', async () => {
    // One argument of each form it accepts: a report dir, a <target>/ folder, a report.json.
    const result = await cli(['merge-reports', shardDir(2), join(shardDir(1), 'reference'), join(shardDir(3), 'reference', 'report.json'), '--out', out]);
    expect([result.code, result.stderr]).toEqual([0, '']);
    const merged = report(out);
    expect(verdicts(merged)).toEqual(verdicts(report(full)));
    expect(merged.summary).toEqual(report(full).summary);
    expect(merged.merged).toMatchObject({ count: 3 });
    expect(merged).not.toHaveProperty('shard');
    expect(testcases(out)).toEqual(testcases(full));
    for (const file of ['report.md', 'report.html']) expect(readFileSync(join(out, 'reference', file), 'utf8')).toContain('Merged from 3 shards');
  });

  const refused = async (args: string[], message: RegExp) => {
    const into = join(work, `refused-${Math.random().toString(36).slice(2)}`);
    const result = await cli(['merge-reports', ...args, '--out', into]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    // Everything is checked before anything is written.
    expect(existsSync(into)).toBe(false);
  };

  it('refuses overlapping shards: one given twice', () =>
    refused([shardDir(1), shardDir(2), shardDir(3), shardDir(1)], /^idchain: shard 1\/3 is given twice: .*shard-1\/reference\/report\.json and .*shard-1\/reference\/report\.json\./));

  it('refuses a missing shard, naming it and its suites', () => refused([shardDir(1), shardDir(3)], /^idchain: shard 2\/3 is missing: no report given for it \(suites no shard ran: [a-z-]+(, [a-z-]+)*\)/));

  it('refuses shards of different targets', async () => {
    const moto = join(work, 'moto-3');
    cpSync(shardDir(3), moto, { recursive: true });
    const file = join(moto, 'reference', 'report.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), target: 'moto' }));
    await refused([shardDir(1), shardDir(2), moto], /differ in target: "moto" against "reference"/);
  });

  it('refuses a malformed or missing report.json, naming the file', async () => {
    const broken = join(work, 'broken-3');
    cpSync(shardDir(3), broken, { recursive: true });
    writeFileSync(join(broken, 'reference', 'report.json'), '{"target": "reference", ');
    await refused([shardDir(1), shardDir(2), broken], new RegExp(`^idchain: ${join(broken, 'reference', 'report.json')} is not valid JSON`));
    await refused([shardDir(1), shardDir(2), join(work, 'nowhere')], /nowhere does not exist/);
  });

  it('exits 1 when a merged case failed, like run', async () => {
    const failing = join(work, 'failing-2');
    cpSync(shardDir(2), failing, { recursive: true });
    const file = join(failing, 'reference', 'report.json');
    const r = JSON.parse(readFileSync(file, 'utf8')) as Report;
    r.cases[0].verdict = 'fail';
    writeFileSync(file, JSON.stringify(r));
    const into = join(work, 'merged-failing');
    const result = await cli(['merge-reports', shardDir(1), failing, shardDir(3), '--out', into]);
    expect(result.code).toBe(1);
    expect(report(into).summary).toMatchObject({ fail: 1, pass: report(full).summary.pass - 1 });
  });

  it('needs --out: bad usage, exit 2', async () => {
    expect((await cli(['merge-reports', shardDir(1)])).code).toBe(2);
  });
});
