import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mergeShardReports } from './merge-reports';
import { locateReport, MergeReportsError, readShardReport, type ReportInput } from './read-report';
import type { ReportJson } from './report-json';

// A run of three suites cut in two: a (2 cases) and c (1) in shard 1, b (1) in shard 2.
const SELECTION = { suites: ['a', 'b', 'c'], cases: 4, weight: 30 };

function shard(index: number, suites: string[], cases: [string, string, 'pass' | 'fail' | 'error'][], extra: Record<string, unknown> = {}): ReportInput {
  const report = {
    target: 'reference',
    provenance: { target: 'reference', targetKind: 'emulator', region: 'us-east-1', harnessVersion: '0.1.0', sdkVersions: {}, node: 'v20' },
    startedAt: `2026-12-02T03:00:0${index}.000Z`,
    durationMs: 1000 * index,
    summary: { total: cases.length, pass: 0, fail: 0, unsupported: 0, error: 0 },
    cases: cases.map(([id, suite, verdict]) => ({ id, suite, title: id, verdict, durationMs: 10, citations: [{ kind: 'doc', ref: 'x' }], findings: [] })),
    leftovers: [],
    shard: { index, count: 2, suites, weight: 15, selection: SELECTION },
    ...extra,
  };
  return { file: `s${index}/reference/report.json`, report: report as unknown as ReportJson };
}

const one = () =>
  shard(1, ['a', 'c'], [
    ['a/1', 'a', 'pass'],
    ['a/2', 'a', 'pass'],
    ['c/1', 'c', 'fail'],
  ]);
const two = () => shard(2, ['b'], [['b/1', 'b', 'pass']]);
const refusal = (inputs: ReportInput[]) => {
  try {
    mergeShardReports(inputs);
  } catch (err) {
    expect(err).toBeInstanceOf(MergeReportsError);
    return (err as Error).message;
  }
  throw new Error('merged what it should have refused');
};

describe('mergeShardReports', () => {
  it("puts the cases back in the selection's suite order and recounts the summary", () => {
    const merged = mergeShardReports([two(), one()]);
    expect(merged.cases.map((c) => c.id)).toEqual(['a/1', 'a/2', 'b/1', 'c/1']);
    expect(merged.summary).toEqual({ total: 4, pass: 3, fail: 1, unsupported: 0, error: 0 });
    expect(merged).not.toHaveProperty('shard');
  });

  it('takes the longest shard as the wall time, the earliest start, and keeps the sum and each shard', () => {
    const merged = mergeShardReports([one(), two()]);
    expect([merged.startedAt, merged.durationMs]).toEqual(['2026-12-02T03:00:01.000Z', 2000]);
    expect(merged.merged).toEqual({
      count: 2,
      durationMsSum: 3000,
      shards: [
        { index: 1, startedAt: '2026-12-02T03:00:01.000Z', durationMs: 1000, cases: 3, suites: ['a', 'c'] },
        { index: 2, startedAt: '2026-12-02T03:00:02.000Z', durationMs: 2000, cases: 1, suites: ['b'] },
      ],
    });
  });

  it("sums a weather run's counters, keeps the longest shard's IAM wait and its critical path", () => {
    // report.json's weather as a run writes it (harness/report/weather-report.ts); profile, seed and scale are one run's.
    const w = (calls: number, retries: number, sts: number, waitMs: number, criticalPathMs: number, chainMs: number) => ({
      weather: {
        profile: 'aws', seed: 7, scale: 1, calls, retries, throttled: 1, transientFaults: 0, propagationWaitMs: waitMs,
        callsPerService: { sts, iam: 2 }, throttledOperations: { 'iam:CreateRole': 1 }, rateLimited: { requests: 3, waitedMs: 40 },
      },
      criticalPathMs,
      criticalPath: { chainMs, rateMs: 10, chain: [] },
    });
    const merged = mergeShardReports([
      shard(1, ['a', 'c'], [['a/1', 'a', 'pass'], ['a/2', 'a', 'pass'], ['c/1', 'c', 'pass']], w(100, 3, 5, 500, 900, 900)),
      shard(2, ['b'], [['b/1', 'b', 'pass']], w(40, 1, 1, 700, 1200, 1200)),
    ]);
    expect(merged.weather).toEqual({
      profile: 'aws', seed: 7, scale: 1, calls: 140, retries: 4, throttled: 2, transientFaults: 0,
      // The shards ran side by side: the run waited for IAM as long as its longest shard did.
      propagationWaitMs: 700,
      callsPerService: { sts: 6, iam: 4 }, throttledOperations: { 'iam:CreateRole': 2 }, rateLimited: { requests: 6, waitedMs: 80 },
    });
    expect(merged.criticalPathMs).toBe(1200);
    expect(merged.criticalPath).toEqual({ chainMs: 1200, rateMs: 10, chain: [] });
  });

  it('refuses a shard given twice', () => {
    expect(refusal([one(), { ...one(), file: 'copy/report.json' }, two()])).toBe(
      'shard 1/2 is given twice: s1/reference/report.json and copy/report.json. Expected each of shards 1/2 … 2/2 once.',
    );
  });

  it('refuses overlapping shards: a case in two of them', () => {
    const overlapping = shard(2, ['b', 'c'], [['b/1', 'b', 'pass'], ['c/1', 'c', 'pass']]);
    expect(refusal([one(), overlapping])).toBe('case c/1 is in s1/reference/report.json and in s2/reference/report.json: shards overlap. Expected every case in exactly one shard of one run.');
  });

  it('refuses a missing shard, naming it and the suites nobody ran', () => {
    expect(refusal([one()])).toBe('shard 2/2 is missing: no report given for it (suites no shard ran: b). Expected the reports of shards 1/2 … 2/2, one each.');
  });

  it('refuses shards that hold fewer cases than the selection had', () => {
    expect(refusal([one(), shard(2, ['b'], [])])).toBe('the shards hold 3 cases between them (1/2: 3, 2/2: 0), but the run selected 4. Expected every selected case in exactly one shard.');
  });

  it.each([
    ['target', (r: Record<string, unknown>) => (r.target = 'moto'), /differ in target: "moto" against "reference"/],
    ['Region', (r: Record<string, unknown>) => ((r.provenance as Record<string, unknown>).region = 'eu-west-1'), /differ in Region: "eu-west-1" against "us-east-1"/],
    ['provenance kind', (r: Record<string, unknown>) => ((r.provenance as Record<string, unknown>).targetKind = 'aws'), /differ in provenance kind: "aws" against "emulator"/],
    ['N', (r: Record<string, unknown>) => ((r.shard as Record<string, unknown>).count = 3), /differ in N \(the shard count\): 3 against 2/],
    ['selection', (r: Record<string, unknown>) => ((r.shard as Record<string, unknown>).selection = { ...SELECTION, suites: ['b'] }), /differ in selection \(--suite, before sharding\)/],
    ['baseline', (r: Record<string, unknown>) => (r.baseline = { name: 'aws', missing: [], stale: [], maxAgeDays: 30 }), /differ in baseline goldens: \{"name":"aws","maxAgeDays":30\} against "none"/],
    ['weather', (r: Record<string, unknown>) => (r.weather = { profile: 'aws', seed: 3, calls: 10 }), /differ in weather \(profile, seed and scale\): \{"profile":"aws","seed":3\} against none/],
  ])('refuses shards of different runs: %s', (_, change, message) => {
    const other = two();
    change(other.report as unknown as Record<string, unknown>);
    const text = refusal([one(), other]);
    expect(text).toMatch(message);
    expect(text).toMatch(/^s2\/reference\/report\.json \(shard 2\/\d\) and s1\/reference\/report\.json \(shard 1\/2\) differ in /);
  });
});

describe('reading the shard reports', () => {
  const dir = mkdtempSync(join(tmpdir(), 'idchain-merge-read-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const put = (path: string, content: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
    return join(dir, path);
  };
  const threw = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      expect(err).toBeInstanceOf(MergeReportsError);
      return (err as Error).message;
    }
    throw new Error('accepted what it should have refused');
  };

  it('finds report.json in a report dir, a <target>/ folder, or named itself', () => {
    const file = put('run/reference/report.json', JSON.stringify(one().report));
    expect(locateReport(join(dir, 'run'))).toBe(file);
    expect(locateReport(join(dir, 'run', 'reference'))).toBe(file);
    expect(locateReport(file)).toBe(file);
    expect(readShardReport(file).report.shard).toMatchObject({ index: 1, count: 2 });
  });

  it('names what is wrong: no such dir, no report, several targets', () => {
    expect(threw(() => locateReport(join(dir, 'nope')))).toMatch(/nope does not exist\. Expected: a run's report dir/);
    mkdirSync(join(dir, 'empty'));
    expect(threw(() => locateReport(join(dir, 'empty')))).toMatch(/empty holds no report\.json, neither itself nor in a <target>\/ folder/);
    put('conf/moto/report.json', '{}');
    put('conf/reference/report.json', '{}');
    expect(threw(() => locateReport(join(dir, 'conf')))).toMatch(/conf holds reports of several targets \(moto, reference\): name the one to merge/);
  });

  it('refuses a malformed report.json, naming the file (exit 2)', () => {
    const bad = put('bad/report.json', '{ "target": ');
    const message = threw(() => readShardReport(bad));
    expect(message).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is not valid JSON`));
    const noSummary = put('nosummary/report.json', JSON.stringify({ ...one().report, summary: undefined }));
    expect(threw(() => readShardReport(noSummary))).toMatch(/nosummary\/report\.json is not a report\.json \(DESIGN\.md § CLI contract\): at summary:/);
    const whole = put('whole/report.json', JSON.stringify({ ...one().report, shard: undefined }));
    expect(threw(() => readShardReport(whole))).toMatch(/whole\/report\.json is not a shard's report: it has no 'shard'/);
  });
});
