import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Finding } from '../cases/finding';
import { PROJECT_ROOT } from '../version';
import { GoldenFileError, describeZodError } from './golden-store';
import { pathGlob } from './path-glob';
import { deviationsSchema, type DeviationsFile } from './schema';

export const DEFAULT_DEVIATIONS_DIR = join(PROJECT_ROOT, 'fixtures', 'deviations');

/** Known deviations of a target; none when the file does not exist. A malformed file is exit 2. */
export function loadDeviations(target: string, dir = DEFAULT_DEVIATIONS_DIR): DeviationsFile['deviations'] {
  const file = join(dir, `${target}.json`);
  if (!existsSync(file)) return [];
  const shown = relative(process.cwd(), file) || file;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new GoldenFileError(`Deviations file ${shown} is not valid JSON: ${(err as Error).message}.`);
  }
  const parsed = deviationsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new GoldenFileError(`Deviations file ${shown} is malformed at ${describeZodError(parsed.error)}. Each entry needs case, paths and a reason.`);
  }
  if (parsed.data.target !== target) {
    throw new GoldenFileError(`Deviations file ${shown} says target '${parsed.data.target}'. Expected: '${target}', as its name says.`);
  }
  return parsed.data.deviations;
}

/**
 * Mark the findings a deviation entry names as `deviation`, keeping the reason.
 * Only findings whose path matches are touched: a deviation never hides another difference.
 */
export function applyDeviations(caseId: string, findings: Finding[], deviations: DeviationsFile['deviations']): Finding[] {
  const relevant = deviations.filter((d) => pathGlob(d.case).test(caseId));
  if (relevant.length === 0) return findings;
  return findings.map((f) => {
    const match = relevant.find((d) => d.paths.some((p) => pathGlob(p).test(f.path)));
    return match ? { ...f, kind: 'deviation' as const, source: `accepted deviation: ${match.reason}` } : f;
  });
}
