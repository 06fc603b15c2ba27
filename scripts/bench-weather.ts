/**
 * `npm run bench -- --weather aws [--seed N] [--weather-scale F] [--json]`:
 * the whole contract on the reference emulator in AWS's weather, measured
 * against its own critical path — what a nightly run on AWS would take, and
 * how close the harness comes to the least the weather allows.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runContract, type ContractRun } from '../harness';

/** The goal (issue 14): wall time at most this many times the critical path. */
export const GOAL_RATIO = 1.25;

function flag(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** What the bench prints and writes to reports/bench-weather.json. */
function summary(run: ContractRun, wallMs: number) {
  const w = run.weather!;
  const cp = run.criticalPath!;
  const byKind: Record<string, number> = {};
  for (const link of cp.chain) byKind[link.kind] = Math.round((byKind[link.kind] ?? 0) + link.ms);
  return {
    profile: w.profile,
    seed: w.seed,
    scale: w.scale,
    cases: run.summary,
    wallMs: Math.round(wallMs),
    criticalPathMs: Math.round(cp.ms),
    ratio: Math.round((wallMs / cp.ms) * 100) / 100,
    goal: { ratio: GOAL_RATIO, met: wallMs <= GOAL_RATIO * cp.ms },
    chain: { ms: Math.round(cp.chainMs), byKind, links: cp.chain.map((l) => ({ id: l.id, kind: l.kind, ms: Math.round(l.ms) })) },
    busiestQuota: { ...cp.busiestQuota, ms: Math.round(cp.rateMs) },
    callsPerService: w.callsPerService,
    requests: w.calls,
    retries: w.retries,
    throttled: w.throttled,
    throttledOperations: w.throttledOperations,
    transientFaults: w.transientFaults,
    rateLimited: w.rateLimited,
    propagationWaitMs: w.propagationWaitMs,
    machine: { loadAverage: loadavg().map((l) => Math.round(l * 100) / 100), node: process.version },
  };
}

export async function benchWeather(argv: readonly string[]): Promise<number> {
  const weather = flag(argv, 'weather') ?? 'aws';
  const seed = Number(flag(argv, 'seed') ?? '1');
  const weatherScale = Number(flag(argv, 'weather-scale') ?? '1');
  const ledgerDir = mkdtempSync(join(tmpdir(), 'idchain-bench-weather-'));
  const loadBefore = loadavg();
  let run: ContractRun;
  const started = performance.now();
  try {
    run = await runContract({ weather, seed, weatherScale, ledgerDir });
  } finally {
    rmSync(ledgerDir, { recursive: true, force: true });
  }
  const result = { ...summary(run, performance.now() - started), loadAverageBefore: loadBefore.map((l) => Math.round(l * 100) / 100) };
  mkdirSync('reports', { recursive: true });
  writeFileSync(join('reports', 'bench-weather.json'), JSON.stringify(result, null, 2) + '\n');
  const ok = result.goal.met && run.summary.pass === run.summary.total;
  if (argv.includes('--json')) {
    console.log(JSON.stringify(result, null, 2));
    return ok ? 0 : 1;
  }
  const c = result.cases;
  console.log(
    [
      `idchain bench: the whole contract (${c.total} cases: ${c.pass} pass, ${c.fail} fail, ${c.error} error) on the reference emulator, weather ${result.profile} seed ${result.seed} scale ${result.scale}`,
      `  wall ${s(result.wallMs)}, critical path ${s(result.criticalPathMs)}, ratio ${result.ratio.toFixed(2)} (goal ≤ ${GOAL_RATIO}: ${result.goal.met ? 'met' : 'MISSED'})`,
      `  longest chain ${s(result.chain.ms)}: ${Object.entries(result.chain.byKind).map(([k, ms]) => `${k} ${s(ms)}`).join(', ')}`,
      ...result.chain.links.map((l) => `    ${l.kind.padEnd(8)} ${s(l.ms).padStart(8)}  ${l.id}`),
      `  busiest quota ${result.busiestQuota.id ?? 'none'}: ${result.busiestQuota.calls ?? 0} requests at ${result.busiestQuota.ratePerSecond ?? '-'}/s → ${s(result.busiestQuota.ms)}`,
      `  requests ${result.requests}: ${Object.entries(result.callsPerService).map(([k, n]) => `${k} ${n}`).join(', ')}`,
      `  retries ${result.retries}, throttled ${result.throttled}${result.throttled ? ` (${Object.entries(result.throttledOperations).map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}, transient faults ${result.transientFaults}, ${result.rateLimited.requests} requests held ${s(result.rateLimited.waitedMs)} in all by the limiters, cases held ${s(result.propagationWaitMs)} at most for IAM`,
      `  load average ${result.loadAverageBefore.join(' ')} before, ${result.machine.loadAverage.join(' ')} after (${result.machine.node})`,
      '  written to reports/bench-weather.json',
    ].join('\n'),
  );
  return ok ? 0 : 1;
}
