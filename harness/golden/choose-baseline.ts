import { UsageError } from '../errors';
import { listBaselines } from './golden-store';

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
