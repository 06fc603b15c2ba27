import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from './servers';

const ROOT = join(__dirname, '..', '..');

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timed(file: string, args: string[], cwd: string): { ms: number; status: number | null; stdout: string; stderr: string } {
  const started = performance.now();
  const result = spawnSync(file, args, { cwd, encoding: 'utf8', timeout: 300_000 });
  const ms = performance.now() - started;
  if (result.error) throw result.error;
  return { ms, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Wall time of `idchain --help`, spawn to exit, as a shell runs the bin. */
export function helpMs(runs: number): number[] {
  return Array.from({ length: runs }, () => {
    const r = timed(process.execPath, [CLI, '--help'], ROOT);
    if (r.status !== 0) throw new Error(`idchain --help exited ${r.status}: ${r.stderr}`);
    return r.ms;
  });
}

/**
 * `npm start` (the whole contract on the reference emulator) as a user types
 * it, wall time; then the same CLI run once more, without npm, with a preload
 * that reports the process's peak RSS and CPU time (all its threads: the
 * emulator runs in one of them).
 */
export function contractRun(runs: number): { npmStartMs: number[]; cases: number; passed: boolean; peakRssMiB: number; cliMs: number; cliCpuMs: number } {
  const work = mkdtempSync(join(tmpdir(), 'idchain-bench-cli-'));
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    let summary = '';
    const npmStartMs = Array.from({ length: runs }, () => {
      const r = timed(npm, ['start', '--silent', '--', '--report-dir', join(work, 'reports')], ROOT);
      if (r.status !== 0) throw new Error(`npm start exited ${r.status}: ${r.stderr.slice(-2000)}`);
      summary = r.stdout;
      return r.ms;
    });
    const m = /^reference: (\d+) cases, (\d+) pass, 0 fail, 0 unsupported, 0 error/m.exec(summary);
    const preload = join(work, 'peak-rss.js');
    writeFileSync(
      preload,
      "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write(`peak-rss-kib=${u.maxRSS} cpu-us=${u.userCPUTime + u.systemCPUTime}\\n`); });\n",
    );
    const r = timed(process.execPath, ['-r', preload, CLI, 'run', '--target', 'reference', '--report-dir', join(work, 'reports')], ROOT);
    const [, kib, cpuUs] = /peak-rss-kib=(\d+) cpu-us=(\d+)/.exec(r.stderr) ?? [];
    return {
      npmStartMs,
      cases: m ? Number(m[1]) : 0,
      passed: !!m && m[1] === m[2] && r.status === 0,
      peakRssMiB: Math.round(Number(kib) / 1024),
      cliMs: r.ms,
      cliCpuMs: Math.round(Number(cpuUs) / 1000),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
