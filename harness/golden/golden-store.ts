import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { ZodError } from 'zod';
import { UsageError } from '../errors';
import { PROJECT_ROOT } from '../version';
import { goldenSchema, type GoldenFile } from './schema';
import { stableStringify } from './stable-json';

export const DEFAULT_GOLDEN_DIR = join(PROJECT_ROOT, 'fixtures', 'golden');

/** A golden file that cannot be trusted: bad JSON or a schema violation. Exit code 2. */
export class GoldenFileError extends UsageError {}

/** `<dir>/<baseline>/<suite>/<behaviour>.json`, from the case id `<family>/<behaviour>`. */
export function goldenPath(dir: string, baseline: string, suite: string, caseId: string): string {
  return join(dir, baseline, suite, `${caseId.split('/')[1]}.json`);
}

export function describeZodError(error: ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`).join('; ');
}

/** Read and validate one golden; undefined when there is none. */
export function readGolden(file: string): GoldenFile | undefined {
  if (!existsSync(file)) return undefined;
  const shown = relative(process.cwd(), file) || file;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new GoldenFileError(`Golden ${shown} is not valid JSON: ${(err as Error).message}. Re-record it with 'idchain record', or fix it by hand.`);
  }
  const parsed = goldenSchema.safeParse(raw);
  if (!parsed.success) {
    throw new GoldenFileError(`Golden ${shown} does not match the golden schema at ${describeZodError(parsed.error)}. Re-record it with 'idchain record'.`);
  }
  return parsed.data;
}

/** Validate, then write with sorted keys. A schema failure here is a harness bug, so it throws before writing. */
export function writeGolden(file: string, golden: GoldenFile): void {
  const parsed = goldenSchema.safeParse(golden);
  if (!parsed.success) throw new Error(`Refusing to write an invalid golden ${file}: ${describeZodError(parsed.error)}`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, stableStringify(parsed.data));
}

/** Baselines that have at least one golden file. */
export function listBaselines(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && readdirSync(join(dir, d.name), { recursive: true }).some((f) => String(f).endsWith('.json')))
    .map((d) => d.name);
}
