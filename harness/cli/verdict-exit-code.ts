import type { ReportJson } from '../report/report-json';
import type { CliIo } from './io';

/**
 * The exit code a report's verdicts give (DESIGN.md § CLI contract), shared
 * by `run` and `merge-reports`: 1 when a case failed or errored, or when
 * cases were selected and none reached a verdict on the target; else 0.
 */
export function verdictExitCode(report: Pick<ReportJson, 'target' | 'summary'>, io: CliIo): 0 | 1 {
  const { total, pass, fail, error, unsupported } = report.summary;
  if (total > 0 && pass + fail === 0) {
    // Only when no case got as far as a verdict on the target: a run whose cases all failed did check something.
    io.err(`[idchain] no case ran to a verdict on ${report.target} (${unsupported} unsupported, ${error} error): nothing was checked`);
    return 1;
  }
  return fail + error > 0 ? 1 : 0;
}
