import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { resolveContract } from '../../contract/contract-options';
import { DEFAULT_MAX_GOLDEN_AGE_DAYS, runContract } from '../../contract/run-contract';
import { TargetUnavailableError, UsageError } from '../../errors';
import { chooseBaseline } from '../../golden/choose-baseline';
import { loadDeviations } from '../../golden/deviations';
import { DEFAULT_GOLDEN_DIR } from '../../golden/golden-store';
import { buildMatrix } from '../../report/conformance-model';
import { toConformanceMarkdown } from '../../report/conformance-markdown';
import { toConformanceHtml } from '../../report/conformance-html';
import type { ReportJson } from '../../report/report-json';
import type { SuiteDefinition } from '../../runner/suite';
import type { CliIo } from '../io';
import type { RunControl } from '../run-control';
import { checkWritableDir } from '../../report/writable-dir';
import { formatCaseList, selectedCases } from '../case-list';
import { progressFor } from '../progress';
import { parseMaxAge } from './max-golden-age';

export interface ConformanceCommandOptions {
  targets: string;
  region?: string;
  suite?: string;
  reportDir: string;
  baseline?: string;
  goldenDir?: string;
  deviationsDir?: string;
  maxGoldenAge?: string;
  /** Print conformance.json's matrix on stdout instead of the per-target summary. */
  json?: boolean;
  /** List the selected cases and stop: nothing is started or provisioned. */
  list?: boolean;
  /** The summary only: no line per case, no status line, no diagnostics. */
  quiet?: boolean;
  suites?: readonly SuiteDefinition[];
  today?: Date;
  control?: RunControl;
}

/**
 * `idchain conformance`: the contract on several targets, each compared with
 * the baseline, folded into a cases × targets matrix. A target that cannot be
 * started is shown as unavailable and makes the exit code 3; otherwise 1 when
 * any case did not pass on any target.
 */
export async function conformanceCommand(opts: ConformanceCommandOptions, io: CliIo): Promise<number> {
  if (opts.list) {
    io.out(formatCaseList(selectedCases(opts), opts.json));
    return 0;
  }
  const names = opts.targets.split(',').map((t) => t.trim()).filter(Boolean);
  if (names.length === 0) throw new UsageError('--targets is empty. Expected: a comma-separated list such as reference,moto,cognito-local.');
  // Every name, golden and deviations file is checked before any target starts.
  const goldenDir = resolve(opts.goldenDir ?? DEFAULT_GOLDEN_DIR);
  const resolved = names.map((name) => resolveContract({ target: name, region: opts.region, suite: opts.suite, suites: opts.suites }, goldenDir));
  const suites = resolved[0].suites;
  const baseline = chooseBaseline(opts.baseline, goldenDir);
  const maxGoldenAgeDays = parseMaxAge(opts.maxGoldenAge, DEFAULT_MAX_GOLDEN_AGE_DAYS);
  for (const { target } of resolved) loadDeviations(target.name, opts.deviationsDir);
  const reportDir = resolve(opts.reportDir);
  checkWritableDir(reportDir);
  const caseCount = suites.reduce((n, s) => n + s.cases.length, 0);
  const progress = progressFor(io, { total: caseCount * resolved.length, quiet: opts.quiet, json: opts.json });
  const log = (line: string) => progress.log(line);

  const started = Date.now();
  const results: { name: string; report?: ReportJson; unavailableReason?: string }[] = [];
  for (const { target } of resolved) {
    try {
      if (opts.control?.signal.aborted) break;
      const run = await runContract({
        target,
        suites,
        baseline,
        goldenDir,
        deviationsDir: opts.deviationsDir,
        maxGoldenAgeDays,
        reportDir,
        today: opts.today,
        signal: opts.control?.signal,
        timeouts: opts.control?.limits.http,
        teardownTimeoutMs: opts.control?.limits.teardownTimeoutMs,
        log: (line) => log(`${target.name}: ${line}`),
        onCase: (c) => progress.onCase(c, target.name),
      });
      results.push({ name: target.name, report: run.report });
    } catch (err) {
      if (!(err instanceof TargetUnavailableError)) throw err;
      log(`${target.name}: unavailable: ${err.message}`);
      results.push({ name: target.name, unavailableReason: err.message });
    }
  }

  progress.finish();
  if (results.every((r) => !r.report)) {
    // Nothing could run: no matrix to write, and nothing was created anywhere.
    throw new TargetUnavailableError(results.map((r) => `${r.name}: ${r.unavailableReason}`).join('\n'));
  }
  const matrix = buildMatrix(new Date(started).toISOString(), Date.now() - started, baseline, results);
  mkdirSync(reportDir, { recursive: true });
  writeFileSync(join(reportDir, 'conformance.json'), JSON.stringify(matrix, null, 2) + '\n');
  writeFileSync(join(reportDir, 'conformance.md'), toConformanceMarkdown(matrix));
  writeFileSync(join(reportDir, 'conformance.html'), toConformanceHtml(matrix));

  if (opts.json) io.out(JSON.stringify(matrix, null, 2));
  else io.out(
    [
      ...(opts.quiet ? [] : ['']),
      ...matrix.targets.map((t) =>
        t.summary
          ? `${t.name.padEnd(14)} ${t.summary.pass} pass, ${t.summary.fail} fail, ${t.summary.unsupported} unsupported, ${t.summary.error} error`
          : `${t.name.padEnd(14)} unavailable: ${t.unavailableReason}`,
      ),
      `matrix: ${join(reportDir, 'conformance.md')} (and .html, .json)`,
    ].join('\n'),
  );
  if (matrix.targets.some((t) => !t.available)) return 3;
  return matrix.targets.some((t) => t.summary && t.summary.pass < t.summary.total) ? 1 : 0;
}
