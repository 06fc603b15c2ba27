/**
 * `npm run bench`: how fast and how heavy idchain is, measured side by side
 * with moto in one run. Speed and memory targets live here, never in tests.
 *
 *   npm run bench                  the table
 *   npm run bench -- --json        the same as JSON on stdout
 *   npm run bench -- --runs 5 --starts 7 --ops 800 --rounds 5
 *   npm run bench -- --weather aws [--seed N] [--weather-scale F] [--json]   (scripts/bench-weather.ts)
 *
 * Needs the build (`npm run bench` runs it first) and python3 with moto (not with --weather).
 */
import { spawnSync } from 'node:child_process';
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
import { benchWeather } from './bench-weather';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/**
 * Node 20 with OpenSSL 3 reads the whole NODE_EXTRA_CA_CERTS bundle before any
 * JavaScript runs (nodejs/node#40524): on this machine, where it names the
 * system's 140-certificate bundle, that is most of a bare `node`'s start-up.
 * Every node process pays it, npm and the emulator alike; the bench reports it
 * beside the numbers it is part of.
 */
const EXTRA_CA = process.env.NODE_EXTRA_CA_CERTS;
const withoutExtraCa = (): NodeJS.ProcessEnv => Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_EXTRA_CA_CERTS'));

/**
 * Readiness of both servers, alternating which starts first so neither always
 * meets a warmer disk cache; with NODE_EXTRA_CA_CERTS set, idchain once more
 * without it.
 */
async function readiness(starts: number): Promise<Record<ServerName | 'idchainWithoutExtraCa', number[]>> {
  const out: Record<ServerName | 'idchainWithoutExtraCa', number[]> = { idchain: [], moto: [], idchainWithoutExtraCa: [] };
  for (let i = 0; i < starts; i++) {
    for (const name of (i % 2 ? ['moto', 'idchain'] : ['idchain', 'moto']) as ServerName[]) {
      const server = await startServer(name);
      out[name].push(server.readyMs);
      await server.stop();
    }
    if (EXTRA_CA) {
      const server = await startServer('idchain', withoutExtraCa());
      out.idchainWithoutExtraCa.push(server.readyMs);
      await server.stop();
    }
  }
  return out;
}

/** A bare `node -e 0`, spawn to exit, as this machine's environment has it and without NODE_EXTRA_CA_CERTS. */
function bareNode(runs: number): { asIs: number[]; withoutExtraCa: number[] } {
  const out = { asIs: [] as number[], withoutExtraCa: [] as number[] };
  for (let i = 0; i < runs; i++) {
    for (const [into, env] of [[out.asIs, process.env], [out.withoutExtraCa, withoutExtraCa()]] as const) {
      const started = performance.now();
      spawnSync(process.execPath, ['-e', '0'], { env });
      into.push(performance.now() - started);
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
  const bare = bareNode(arg('helps', 10));
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
    ready: {
      idchainMs: median(ready.idchain),
      motoMs: median(ready.moto),
      ...(EXTRA_CA ? { idchainWithoutExtraCaMs: median(ready.idchainWithoutExtraCa) } : {}),
      samples: ready,
    },
    bareNodeMs: { asIs: median(bare.asIs), withoutExtraCa: median(bare.withoutExtraCa), extraCaCerts: EXTRA_CA },
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

// In AWS's weather the bench measures one run against its critical path instead (scripts/bench-weather.ts).
(process.argv.includes('--weather') ? benchWeather(process.argv.slice(2)) : main()).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`bench: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exit(2);
  },
);
