import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunResult } from '../runner/result';
import { toReportJson, type ReportJson } from './report-json';
import { toMarkdown } from './report-markdown';
import { toHtml } from './report-html';
import { toJUnit } from './junit';
import { checkReportJson } from './report-schema';

/** Write report.json, report.md, report.html and junit.xml under `<dir>/<target>/`. Returns that folder. */
export function writeReport(run: RunResult, reportDir: string): { dir: string; report: ReturnType<typeof toReportJson> } {
  return writeReportFiles(toReportJson(run), reportDir);
}

/** The four files from a report.json's content (a run's, or merge-reports'), checked against the contract first. */
export function writeReportFiles<R extends ReportJson>(content: R, reportDir: string): { dir: string; report: R } {
  const dir = join(reportDir, content.target);
  mkdirSync(dir, { recursive: true });
  const report = checkReportJson(content);
  writeFileSync(join(dir, 'report.json'), JSON.stringify(report, null, 2) + '\n');
  writeFileSync(join(dir, 'report.md'), toMarkdown(report));
  writeFileSync(join(dir, 'report.html'), toHtml(report));
  writeFileSync(join(dir, 'junit.xml'), toJUnit(report));
  return { dir, report };
}
