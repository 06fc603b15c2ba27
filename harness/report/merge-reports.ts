import type { ShardRecord } from '../runner/shard';
import { MergeReportsError, type ReportInput } from './read-report';
import type { ReportJson } from './report-json';

/** What a merged report.json adds: the shards it was made of, and the machine time they took together. */
export interface MergedRecord {
  /** N: how many shards the run was cut into (all present). */
  count: number;
  /** Sum of the shards' durationMs: the machine time the run took (durationMs is the longest shard's). */
  durationMsSum: number;
  shards: { index: number; startedAt: string; durationMs: number; cases: number; suites: string[] }[];
}

export type MergedReport = ReportJson & { merged: MergedRecord };

type Shard = ReportInput & { shard: ShardRecord };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const label = (s: Shard) => `${s.file} (shard ${s.shard.index}/${s.shard.count})`;

/** Every input agrees with the first on what makes them one run; the first disagreement is an error naming both files. */
function checkOneRun(shards: Shard[]): void {
  const [first] = shards;
  const checks: { what: string; of: (s: Shard) => unknown }[] = [
    { what: 'N (the shard count)', of: (s) => s.shard.count },
    { what: 'target', of: (s) => s.report.target },
    { what: 'Region', of: (s) => s.report.provenance.region },
    { what: 'provenance kind', of: (s) => (s.report.provenance as { targetKind?: string }).targetKind },
    { what: 'selection (--suite, before sharding)', of: (s) => s.shard.selection },
    { what: 'baseline goldens', of: (s) => (s.report.baseline ? { name: s.report.baseline.name, maxAgeDays: s.report.baseline.maxAgeDays } : 'none') },
    { what: 'weather (profile, seed and scale)', of: (s) => s.report.weather && { profile: s.report.weather.profile, seed: s.report.weather.seed, scale: s.report.weather.scale } },
  ];
  for (const { what, of } of checks) {
    const other = shards.find((s) => !same(of(s), of(first)));
    if (other) {
      throw new MergeReportsError(
        `${label(other)} and ${label(first)} differ in ${what}: ${JSON.stringify(of(other)) ?? 'none'} against ${JSON.stringify(of(first)) ?? 'none'}. Expected: the shards of one run, 'idchain run --shard K/N' with the same options in every job.`,
      );
    }
  }
}

/** Shards 1..N, each exactly once. */
function checkComplementary(shards: Shard[]): void {
  const count = shards[0].shard.count;
  const byIndex = new Map<number, Shard>();
  for (const s of shards) {
    const twice = byIndex.get(s.shard.index);
    if (twice) throw new MergeReportsError(`shard ${s.shard.index}/${count} is given twice: ${twice.file} and ${s.file}. Expected each of shards 1/${count} … ${count}/${count} once.`);
    byIndex.set(s.shard.index, s);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    const ran = new Set(shards.flatMap((s) => s.shard.suites));
    const unrun = shards[0].shard.selection.suites.filter((name) => !ran.has(name));
    throw new MergeReportsError(
      `shard ${missing.map((i) => `${i}/${count}`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing: no report given for ${missing.length === 1 ? 'it' : 'them'}` +
        `${unrun.length ? ` (suites no shard ran: ${unrun.join(', ')})` : ''}. Expected the reports of shards 1/${count} … ${count}/${count}, one each.`,
    );
  }
}

/** Every case exactly once, and as many as the selection had. */
function checkCases(shards: Shard[]): void {
  const seen = new Map<string, string>();
  for (const s of shards) {
    for (const c of s.report.cases) {
      const where = seen.get(c.id);
      if (where) throw new MergeReportsError(`case ${c.id} is in ${where} and in ${s.file}: shards overlap. Expected every case in exactly one shard of one run.`);
      seen.set(c.id, s.file);
    }
  }
  const expected = shards[0].shard.selection.cases;
  if (seen.size !== expected) {
    const held = shards.map((s) => `${s.shard.index}/${s.shard.count}: ${s.report.cases.length}`).join(', ');
    throw new MergeReportsError(`the shards hold ${seen.size} cases between them (${held}), but the run selected ${expected}. Expected every selected case in exactly one shard.`);
  }
}

/** Counters each shard counts for its own calls: the run's are their sum (numbers by name, e.g. calls per service, too). */
const WEATHER_COUNTERS = ['calls', 'retries', 'throttled', 'transientFaults', 'callsPerService', 'throttledOperations', 'rateLimited'] as const;

/** A number, or numbers by name, added up. */
function sumCounts(values: unknown[]): unknown {
  if (values.every((v) => typeof v === 'number')) return (values as number[]).reduce((a, b) => a + b, 0);
  if (!values.every((v) => v !== null && typeof v === 'object')) return values[0];
  const keys = [...new Set(values.flatMap((v) => Object.keys(v as object)))];
  return Object.fromEntries(keys.map((k) => [k, sumCounts(values.map((v) => (v as Record<string, unknown>)[k] ?? 0))]));
}

/**
 * A weather run's counters summed over the shards; profile, seed and scale are
 * the same in all (checked). The shards run side by side, so the run's
 * propagation wait and its lower bound are the longest shard's, and the
 * critical path's make-up is that shard's.
 */
type WeatherFields = { weather?: ReportJson['weather']; criticalPathMs?: number; criticalPath?: ReportJson['criticalPath'] };
function mergeWeather(shards: Shard[]): WeatherFields {
  const weathered = shards.map((s) => s.report).filter((r) => r.weather !== undefined);
  if (weathered.length === 0) return {};
  const all = weathered.map((r) => r.weather!);
  const weather = { ...all[0], propagationWaitMs: Math.max(...all.map((w) => w.propagationWaitMs)) } as Record<string, unknown>;
  for (const key of WEATHER_COUNTERS) if (key in weather) weather[key] = sumCounts(all.map((w) => (w as Record<string, unknown>)[key] ?? 0));
  const longest = weathered.reduce((a, b) => ((b.criticalPathMs ?? 0) > (a.criticalPathMs ?? 0) ? b : a));
  return {
    weather: weather as ReportJson['weather'],
    ...(longest.criticalPathMs !== undefined ? { criticalPathMs: longest.criticalPathMs } : {}),
    ...(longest.criticalPath ? { criticalPath: longest.criticalPath } : {}),
  };
}

/**
 * One report from the shards of one run (`run --shard 1/N` … `N/N`): every
 * input must agree on N, target, Region, provenance kind, the selection they
 * were cut from, baseline and weather; shards 1..N each once; every case
 * exactly once. Cases come in the selection's suite order (a full run's);
 * the summary is recounted. durationMs is the longest shard's (the jobs run
 * side by side: that is the run's wall time, leaving out CI queueing), and
 * `merged.durationMsSum` the machine time; startedAt the earliest shard's.
 */
export function mergeShardReports(inputs: readonly ReportInput[]): MergedReport {
  if (inputs.length === 0) throw new MergeReportsError('No reports to merge. Expected: the report dirs of shards 1/N … N/N.');
  const shards = inputs.map((i) => ({ ...i, shard: i.report.shard! })).sort((a, b) => a.shard.index - b.shard.index);
  checkOneRun(shards);
  checkComplementary(shards);
  checkCases(shards);

  const order = shards[0].shard.selection.suites;
  const rank = (suite: string) => (order.includes(suite) ? order.indexOf(suite) : order.length);
  const cases = shards.flatMap((s) => s.report.cases).map((c, i) => ({ c, i }));
  cases.sort((a, b) => rank(a.c.suite) - rank(b.c.suite) || a.i - b.i);
  const summary = { total: cases.length, pass: 0, fail: 0, unsupported: 0, error: 0 };
  for (const { c } of cases) summary[c.verdict]++;

  const first = shards[0].report;
  const baselines = shards.map((s) => s.report.baseline).filter((b) => b !== undefined);
  const durations = shards.map((s) => s.report.durationMs);
  const { shard: _shard, ...rest } = first;
  return <MergedReport>{
    ...rest,
    startedAt: shards.map((s) => s.report.startedAt).sort()[0],
    durationMs: Math.max(...durations),
    summary,
    cases: cases.map(({ c }) => c),
    leftovers: shards.flatMap((s) => s.report.leftovers),
    ...(first.baseline ? { baseline: { ...first.baseline, missing: baselines.flatMap((b) => b.missing), stale: baselines.flatMap((b) => b.stale) } } : {}),
    ...mergeWeather(shards),
    merged: {
      count: shards[0].shard.count,
      durationMsSum: durations.reduce((a, b) => a + b, 0),
      shards: shards.map((s) => ({ index: s.shard.index, startedAt: s.report.startedAt, durationMs: s.report.durationMs, cases: s.report.cases.length, suites: s.shard.suites })),
    },
  };
}
