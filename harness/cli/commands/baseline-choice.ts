import { UsageError } from '../../errors';
import { listBaselines } from '../../golden/golden-store';

/**
 * The baseline a run compares with (DESIGN.md § Concepts): `aws` when AWS
 * goldens exist, else `reference`. An explicit `--baseline` must exist.
 */
export function chooseBaseline(requested: string | undefined, goldenDir: string): string {
  const available = listBaselines(goldenDir);
  if (requested) {
    if (!available.includes(requested)) {
      throw new UsageError(
        `--baseline ${requested} has no goldens in ${goldenDir}. Available: ${available.join(', ') || 'none'}. Record one with 'idchain record --target ${requested}'.`,
      );
    }
    return requested;
  }
  return available.includes('aws') ? 'aws' : 'reference';
}

export function parseMaxAge(raw: string | undefined, fallbackDays: number): number {
  if (raw === undefined) return fallbackDays;
  const m = /^(\d+)d?$/.exec(raw.trim());
  if (!m) throw new UsageError(`--max-golden-age ${raw} is not a number of days. Expected: e.g. 30 or 30d.`);
  return Number(m[1]);
}
