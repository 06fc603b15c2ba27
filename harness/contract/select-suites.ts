import { UsageError } from '../errors';
import type { SuiteDefinition } from '../runner/suite';

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`);
}

/**
 * `--suite GLOB` keeps suites whose name matches, or, when the glob names
 * cases (`enhanced/*`), only the matching cases. Matching nothing is a usage error.
 */
export function selectSuites(all: readonly SuiteDefinition[], glob: string | undefined): SuiteDefinition[] {
  if (!glob) return [...all];
  const patterns = glob.split(',').map((g) => globToRegExp(g.trim()));
  const picked: SuiteDefinition[] = [];
  for (const suite of all) {
    if (patterns.some((p) => p.test(suite.name))) {
      picked.push(suite);
      continue;
    }
    const cases = suite.cases.filter((c) => patterns.some((p) => p.test(c.id)));
    if (cases.length > 0) picked.push({ ...suite, cases });
  }
  if (picked.length === 0) {
    throw new UsageError(
      `--suite ${glob} matches no suite or case. Suites: ${all.map((s) => s.name).join(', ')}. Case ids look like ${all[0]?.cases[0]?.id ?? 'family/behaviour'}.`,
    );
  }
  return picked;
}
