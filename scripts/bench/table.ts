import type { TARGETS } from './targets';

export interface BenchResult {
  node: string;
  cores: number;
  loadAverage: { start: number[]; end: number[] };
  ready: { idchainMs: number; motoMs: number; idchainWithoutExtraCaMs?: number; samples: { idchain: number[]; moto: number[]; idchainWithoutExtraCa: number[] } };
  /** `node -e 0` here, as the environment has it and without NODE_EXTRA_CA_CERTS (the file it names, when set). */
  bareNodeMs: { asIs: number; withoutExtraCa: number; extraCaCerts?: string };
  workload: {
    ops: number;
    rounds: number;
    idchain: WorkloadSummary;
    moto: WorkloadSummary;
  };
  helpMs: { median: number; samples: number[] };
  npmStart: { medianMs: number; samples: number[]; cases: number; allPassed: boolean; peakRssMiB: number; cliMs: number; cliCpuMs: number };
  inProcess: { runs: number; cases: number; notPassed: number; medianRunMs: number; fastestRunMs: number; slowestRunMs: number; peakRssMiB: number };
  targets: typeof TARGETS;
}

/** One server's medians over the rounds (ops/s; CPU ms per operation, all its threads), and the samples. */
export interface WorkloadSummary {
  sequential: number;
  concurrent: number;
  cpuMsPerOp: { sequential?: number; concurrent?: number };
  samples: { sequential: { opsPerSecond: number[]; cpuMsPerOp: number[] }; concurrent: { opsPerSecond: number[]; cpuMsPerOp: number[] } };
  peakRssMiB?: number;
}

const r0 = (n: number) => String(Math.round(n));
const r2 = (n: number) => (Math.round(n * 100) / 100).toFixed(2);

/** The table `npm run bench` prints, and whether every target was met. */
export function benchTable(r: BenchResult): { text: string; allMet: boolean } {
  const t = r.targets;
  const w = r.workload;
  const rows: [string, string, string, string, string, boolean | undefined][] = [];
  const readyRatio = r.ready.idchainMs / r.ready.motoMs;
  const seqRatio = w.idchain.sequential / w.moto.sequential;
  const conRatio = w.idchain.concurrent / w.moto.concurrent;
  rows.push([`ready after spawn, median of ${r.ready.samples.idchain.length}`, `${r0(r.ready.idchainMs)} ms`, `${r0(r.ready.motoMs)} ms`, `${r2(readyRatio)}×`, `≤ ${t.readyRatioMax}× moto`, readyRatio <= t.readyRatioMax]);
  if (r.ready.idchainWithoutExtraCaMs !== undefined) {
    const ratio = r.ready.idchainWithoutExtraCaMs / r.ready.motoMs;
    rows.push(['  idchain without NODE_EXTRA_CA_CERTS', `${r0(r.ready.idchainWithoutExtraCaMs)} ms`, '', `${r2(ratio)}×`, '', undefined]);
  }
  if (r.bareNodeMs.extraCaCerts) {
    rows.push([`  a bare node -e 0 (NODE_EXTRA_CA_CERTS=${r.bareNodeMs.extraCaCerts})`, `${r0(r.bareNodeMs.asIs)} ms`, '', '', '', undefined]);
    rows.push(['  a bare node -e 0 without it', `${r0(r.bareNodeMs.withoutExtraCa)} ms`, '', '', '', undefined]);
  }
  const rounds = `median of ${w.rounds} rounds`;
  rows.push([`mixed workload, sequential (${w.ops} ops, ${rounds})`, `${r0(w.idchain.sequential)} ops/s`, `${r0(w.moto.sequential)} ops/s`, `${r2(seqRatio)}×`, `≥ ${t.sequentialRatioMin}× moto`, seqRatio >= t.sequentialRatioMin]);
  rows.push([`mixed workload, concurrency 8 (${w.ops * 2} ops, ${rounds})`, `${r0(w.idchain.concurrent)} ops/s`, `${r0(w.moto.concurrent)} ops/s`, `${r2(conRatio)}×`, `≥ ${t.concurrentRatioMin}× moto`, conRatio >= t.concurrentRatioMin]);
  for (const phase of ['sequential', 'concurrent'] as const) {
    const [mine, theirs] = [w.idchain.cpuMsPerOp[phase], w.moto.cpuMsPerOp[phase]];
    if (mine === undefined || theirs === undefined) continue;
    // Less sensitive to other work on the machine than ops/s: what each server spends per operation.
    rows.push([`  server CPU per op, ${phase === 'sequential' ? 'sequential' : 'concurrency 8'}`, `${r2(mine)} ms`, `${r2(theirs)} ms`, `${r2(theirs / mine)}×`, '', undefined]);
  }
  rows.push(['server peak RSS after the workload', `${w.idchain.peakRssMiB ?? '?'} MiB`, `${w.moto.peakRssMiB ?? '?'} MiB`, '', '', undefined]);
  rows.push([`idchain --help, median of ${r.helpMs.samples.length}`, `${r0(r.helpMs.median)} ms`, '', '', `≤ ${t.helpMsMax} ms`, r.helpMs.median <= t.helpMsMax]);
  rows.push([
    `npm start, ${r.npmStart.cases} cases, median of ${r.npmStart.samples.length}`,
    `${(r.npmStart.medianMs / 1000).toFixed(2)} s`,
    '',
    '',
    `≤ ${t.npmStartMsMax / 1000} s, all pass`,
    r.npmStart.medianMs <= t.npmStartMsMax && r.npmStart.allPassed,
  ]);
  rows.push(['  the CLI alone (no npm), once', `${(r.npmStart.cliMs / 1000).toFixed(2)} s, ${(r.npmStart.cliCpuMs / 1000).toFixed(2)} s CPU`, '', '', '', undefined]);
  rows.push(['  its peak RSS (the CLI process)', `${r.npmStart.peakRssMiB} MiB`, '', '', `≤ ${t.maxRssMiB} MiB`, r.npmStart.peakRssMiB <= t.maxRssMiB]);
  rows.push([
    `runContract in-process, median of ${r.inProcess.runs}`,
    `${(r.inProcess.medianRunMs / 1000).toFixed(2)} s`,
    '',
    '',
    `≤ ${t.inProcessMedianRunMsMax / 1000} s, all pass`,
    r.inProcess.medianRunMs <= t.inProcessMedianRunMsMax && r.inProcess.notPassed === 0,
  ]);
  rows.push(['  bench process peak RSS', `${r.inProcess.peakRssMiB} MiB`, '', '', `≤ ${t.maxRssMiB} MiB`, r.inProcess.peakRssMiB <= t.maxRssMiB]);

  const header = ['measure', 'idchain', 'moto', 'ratio', 'target', ''];
  const cells = rows.map(([a, b, c, d, e, ok]) => [a, b, c, d, e, ok === undefined ? '' : ok ? 'met' : 'MISSED']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i].length)));
  const line = (row: string[]) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  const text = [
    `idchain bench: node ${r.node}, ${r.cores} cores, load average ${r.loadAverage.start.join(' ')} at start, ${r.loadAverage.end.join(' ')} at end`,
    line(header),
    line(widths.map((n) => '-'.repeat(n))),
    ...cells.map(line),
  ].join('\n');
  return { text, allMet: rows.every(([, , , , , ok]) => ok !== false) };
}
