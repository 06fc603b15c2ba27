import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors';
import type { ReportJson } from './report-json';
import { reportJsonSchema } from './report-schema';

/** A report merge-reports cannot use: missing, malformed, or not a shard of the same run. Exit code 2. */
export class MergeReportsError extends UsageError {}

/** A shard's report.json as read, with the file it came from (for messages). */
export interface ReportInput {
  file: string;
  report: ReportJson;
}

const ACCEPTS = `Expected: a run's report dir (holding <target>/report.json), its <target>/ folder, or the report.json itself`;

/**
 * The report.json an argument names: the file itself, `<arg>/report.json`
 * (a run's `<target>/` folder), or the one `<arg>/<target>/report.json` (a
 * run's `--report-dir`, or a CI artifact downloaded whole).
 */
export function locateReport(arg: string): string {
  if (!existsSync(arg)) throw new MergeReportsError(`${arg} does not exist. ${ACCEPTS}.`);
  if (statSync(arg).isFile()) return arg;
  const direct = join(arg, 'report.json');
  if (existsSync(direct)) return direct;
  const inside = readdirSync(arg, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(arg, d.name, 'report.json')))
    .map((d) => d.name)
    .sort();
  if (inside.length === 1) return join(arg, inside[0], 'report.json');
  if (inside.length > 1) {
    throw new MergeReportsError(`${arg} holds reports of several targets (${inside.join(', ')}): name the one to merge, e.g. ${join(arg, inside[0])}. ${ACCEPTS}.`);
  }
  throw new MergeReportsError(`${arg} holds no report.json, neither itself nor in a <target>/ folder. ${ACCEPTS}.`);
}

/** Read and check one shard's report.json: valid JSON, report.json's contract, and a `shard` record. */
export function readShardReport(file: string): ReportInput {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new MergeReportsError(`${file} is not valid JSON: ${(err as Error).message}. Expected: the report.json 'idchain run --shard K/N' wrote.`);
  }
  const parsed = reportJsonSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MergeReportsError(`${file} is not a report.json (DESIGN.md § CLI contract): at ${issue.path.join('.') || '(root)'}: ${issue.message}. Expected: the report.json 'idchain run --shard K/N' wrote.`);
  }
  const report = raw as ReportJson;
  if (!report.shard) {
    throw new MergeReportsError(`${file} is not a shard's report: it has no 'shard' (a run without --shard). Expected: the reports of 'idchain run --shard 1/N' … '--shard N/N'.`);
  }
  return { file, report };
}
