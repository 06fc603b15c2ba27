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

/** Which case a golden file belongs to, by where it lies: `<dir>/<target>/<suite>/<behaviour>.json`. */
export interface GoldenOf {
  target: string;
  suite: string;
  caseId: string;
}

/** What to do about a golden that cannot be trusted: advice that works, since `record` checks goldens before it runs. */
function fixIt(shown: string, of?: GoldenOf): string {
  if (!of) return `Remove it and record it again with 'npx idchain record --target <target> --suite <case id>'.`;
  return `Remove it and record it again: rm '${shown}' && npx idchain record --target ${of.target} --suite ${of.caseId}`;
}

/**
 * Read and validate one golden; undefined when there is none. With `of`, the
 * golden must also be the one of that case: a file holding another case's
 * steps (copied, or left by a renamed case) is an error, not a comparison.
 */
export function readGolden(file: string, of?: GoldenOf): GoldenFile | undefined {
  if (!existsSync(file)) return undefined;
  const inside = relative(process.cwd(), file);
  const shown = inside && !inside.startsWith('..') ? inside : file;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new GoldenFileError(`Golden ${shown} is not valid JSON: ${(err as Error).message}. ${fixIt(shown, of)}`);
  }
  const parsed = goldenSchema.safeParse(raw);
  if (!parsed.success) {
    throw new GoldenFileError(`Golden ${shown} does not match the golden schema at ${describeZodError(parsed.error)}. ${fixIt(shown, of)}`);
  }
  const { id, suite } = parsed.data.case;
  if (of && (id !== of.caseId || suite !== of.suite)) {
    throw new GoldenFileError(
      `Golden ${shown} holds case '${id}' of suite '${suite}', but it is the file of case '${of.caseId}' of suite '${of.suite}'. Expected: each case's golden at its own path. ${fixIt(shown, of)}`,
    );
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
