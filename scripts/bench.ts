/**
 * `npm run bench`: how fast and how heavy idchain is, measured side by side
 * with moto in one run. Speed and memory targets live here, never in tests.
 *
 *   npm run bench                  the table
 *   npm run bench -- --json        the same as JSON on stdout
 *   npm run bench -- --runs 5 --starts 7 --ops 800 --rounds 5
 *
 * Needs the build (`npm run bench` runs it first) and python3 with moto.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { resourceUsage } from 'node:process';
import { runContract } from '../harness';
import { suites } from '../suites';
import { contractRun, helpMs, median } from './bench/cli-timing';
import { startServer, type ServerName } from './bench/servers';
import { compareWorkload } from './bench/compare-workload';
import { benchTable, type BenchResult } from './bench/table';
import { TARGETS } from './bench/targets';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** Readiness of both servers, alternating which starts first so neither always meets a warmer disk cache. */
async function readiness(starts: number): Promise<Record<ServerName, number[]>> {
  const out: Record<ServerName, number[]> = { idchain: [], moto: [] };
  for (let i = 0; i < starts; i++) {
    for (const name of (i % 2 ? ['moto', 'idchain'] : ['idchain', 'moto']) as ServerName[]) {
      const server = await startServer(name);
      out[name].push(server.readyMs);
      await server.stop();
    }
  }
  return out;
}

async function inProcess(runs: number) {
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
  return { runs, cases, notPassed, medianRunMs: median(durations), fastestRunMs: Math.min(...durations), slowestRunMs: Math.max(...durations) };
}

async function main(): Promise<number> {
  const json = process.argv.includes('--json');
  const load = { start: loadavg().map((l) => Math.round(l * 100) / 100), end: [] as number[] };
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

  log('emulator and moto, spawn to first answer');
  const ready = await readiness(arg('starts', 5));
  const ops = arg('ops', 400);
  const rounds = arg('rounds', 3);
  log(`mixed workload, ${rounds} rounds of ${ops} operations sequential and ${ops * 2} at concurrency 8, on each`);
  const workload = await compareWorkload(ops, rounds);
  log('idchain --help');
  const help = helpMs(arg('helps', 10));
  log('npm start (the whole contract)');
  const contract = contractRun(arg('starts-npm', 3));
  log('the contract in-process (runContract)');
  const inproc = await inProcess(arg('runs', 3));
  load.end = loadavg().map((l) => Math.round(l * 100) / 100);

  const result: BenchResult = {
    node: process.version,
    cores: cpus().length,
    loadAverage: load,
    ready: { idchainMs: median(ready.idchain), motoMs: median(ready.moto), samples: ready },
    workload,
    helpMs: { median: median(help), samples: help },
    npmStart: { medianMs: median(contract.npmStartMs), samples: contract.npmStartMs, cases: contract.cases, allPassed: contract.passed, peakRssMiB: contract.peakRssMiB, cliMs: contract.cliMs, cliCpuMs: contract.cliCpuMs },
    inProcess: { ...inproc, peakRssMiB: Math.round(resourceUsage().maxRSS / 1024) },
    targets: TARGETS,
  };
  mkdirSync('reports', { recursive: true });
  writeFileSync(join('reports', 'bench.json'), JSON.stringify(result, null, 2) + '\n');
  const { text, allMet } = benchTable(result);
  process.stdout.write(json ? JSON.stringify(result, null, 2) + '\n' : text + '\n  written to reports/bench.json\n');
  return allMet ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`bench: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exit(2);
  },
);
