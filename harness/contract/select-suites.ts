import picomatch from 'picomatch';
import { UsageError } from '../errors';
import type { SuiteDefinition } from '../runner/suite';

/**
 * `--suite a,b` as a list of globs. Commas inside braces belong to the glob
 * (`enhanced/{admin,editor}-*`), so only top-level commas split.
 */
export function splitGlobs(list: string): string[] {
  const globs: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of list) {
    if (ch === '{') depth++;
    if (ch === '}') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      globs.push(current);
      current = '';
    } else current += ch;
  }
  globs.push(current);
  return globs.map((g) => g.trim()).filter(Boolean);
}

/**
 * `--suite GLOB[,GLOB…]`, with picomatch's semantics (`*` stops at `/`, `**`
 * crosses it, `{a,b}` and `[…]` as in a shell). A suite whose name matches is
 * kept whole; otherwise only its cases whose ids match. Every glob must match
 * something: one that matches no suite and no case is a usage error naming
 * it and the suites there are, so a typo never silently runs less.
 */
export function selectSuites(all: readonly SuiteDefinition[], list: string | undefined): SuiteDefinition[] {
  if (list === undefined) return [...all];
  const globs = splitGlobs(list);
  if (globs.length === 0) throw new UsageError(`--suite is empty. Expected: suite names or case ids, as globs, comma-separated. Suites: ${all.map((s) => s.name).join(', ')}.`);
  const matchers = globs.map((glob) => ({ glob, test: picomatch(glob), used: false }));
  const matches = (text: string) => {
    let hit = false;
    for (const m of matchers) {
      if (!m.test(text)) continue;
      m.used = true;
      hit = true;
    }
    return hit;
  };

  const picked: SuiteDefinition[] = [];
  for (const suite of all) {
    const whole = matches(suite.name);
    const cases = suite.cases.filter((c) => matches(c.id));
    if (whole) picked.push(suite);
    else if (cases.length > 0) picked.push({ ...suite, cases });
  }
  const unused = matchers.filter((m) => !m.used).map((m) => m.glob);
  if (unused.length > 0) {
    const example = all[0]?.cases[0]?.id ?? 'family/behaviour';
    throw new UsageError(
      `--suite ${unused.join(', ')} matches no suite or case. Suites: ${all.map((s) => s.name).join(', ')}. Case ids look like ${example}; '*' does not cross '/' (use '**' or 'family/*').`,
    );
  }
  return picked;
}
