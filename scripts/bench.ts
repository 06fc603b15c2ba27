/**
 * `npm run bench`: how fast and how heavy the whole contract is on the
 * reference emulator. Speed and memory targets live here, never in tests.
 *
 *   npm run bench -- --runs 10
 *   npm run bench -- --weather aws [--seed N] [--weather-scale F] [--json]   (scripts/bench-weather.ts)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resourceUsage } from 'node:process';
import { runContract } from '../harness';
import { suites } from '../suites';
import { benchWeather } from './bench-weather';

/** The targets: a laptop or CI core runs the full contract well inside these. */
const TARGETS = { medianRunMs: 5_000, maxRssMiB: 400 };

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<number> {
  const runs = arg('runs', 5);
  const ledgerDir = mkdtempSync(join(tmpdir(), 'idchain-bench-'));
  const durations: number[] = [];
  let cases = 0;
  let notPassed = 0;
  try {
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const run = await runContract({ suites, baseline: false, ledgerDir });
      cases = run.cases.length;
      notPassed += run.cases.filter((c) => c.verdict !== 'pass').length;
      durations.push(performance.now() - started);
    }
  } finally {
    rmSync(ledgerDir, { recursive: true, force: true });
  }
  durations.sort((a, b) => a - b);
  const median = durations[Math.floor(durations.length / 2)];
  const maxRssMiB = resourceUsage().maxRSS / 1024;
  const result = {
    runs,
    cases,
    notPassed,
    medianRunMs: Math.round(median),
    fastestRunMs: Math.round(durations[0]),
    slowestRunMs: Math.round(durations[durations.length - 1]),
    medianPerCaseMs: Math.round((median / Math.max(cases, 1)) * 10) / 10,
    maxRssMiB: Math.round(maxRssMiB),
    targets: TARGETS,
    node: process.version,
  };
  mkdirSync('reports', { recursive: true });
  writeFileSync(join('reports', 'bench.json'), JSON.stringify(result, null, 2) + '\n');
  const ok = median <= TARGETS.medianRunMs && maxRssMiB <= TARGETS.maxRssMiB && notPassed === 0;
  console.log(
    [
      `idchain bench: ${runs} full runs of ${cases} cases on the reference emulator`,
      `  median ${result.medianRunMs} ms (fastest ${result.fastestRunMs}, slowest ${result.slowestRunMs}); ${result.medianPerCaseMs} ms per case`,
      `  peak RSS ${result.maxRssMiB} MiB`,
      `  targets: median ≤ ${TARGETS.medianRunMs} ms, peak RSS ≤ ${TARGETS.maxRssMiB} MiB, every case passing → ${ok ? 'met' : 'MISSED'}`,
      '  written to reports/bench.json',
    ].join('\n'),
  );
  return ok ? 0 : 1;
}

// In AWS's weather the bench measures one run against its critical path instead (scripts/bench-weather.ts).
(process.argv.includes('--weather') ? benchWeather(process.argv.slice(2)) : main()).then((code) => process.exit(code));
