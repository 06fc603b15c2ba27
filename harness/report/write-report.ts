import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunResult } from '../runner/result';
import { toReportJson } from './report-json';
import { toMarkdown } from './report-markdown';
import { toHtml } from './report-html';
import { toJUnit } from './junit';
import { checkReportJson } from './report-schema';

/** Write report.json, report.md, report.html and junit.xml under `<dir>/<target>/`. Returns that folder. */
export function writeReport(run: RunResult, reportDir: string): { dir: string; report: ReturnType<typeof toReportJson> } {
  const dir = join(reportDir, run.target);
  mkdirSync(dir, { recursive: true });
  const report = checkReportJson(toReportJson(run));
  writeFileSync(join(dir, 'report.json'), JSON.stringify(report, null, 2) + '\n');
  writeFileSync(join(dir, 'report.md'), toMarkdown(report));
  writeFileSync(join(dir, 'report.html'), toHtml(report));
  writeFileSync(join(dir, 'junit.xml'), toJUnit(report));
  return { dir, report };
}
