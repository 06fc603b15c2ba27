import type { PathRule } from '../cases/golden-rules';
import type { Finding } from '../cases/finding';
import type { NormalizedStep } from './normalized-step';
import { pathOrBelow } from './path-glob';

const opOf = (s: NormalizedStep) => `${s.service}:${s.operation}`;

type Aligned = { e?: number; a?: number };

/**
 * The baseline's and the run's steps paired along their operation sequence
 * (the longest common subsequence of `service:operation`), so one extra or
 * missing step is one difference, not a shift of every later one. A step
 * missing next to an extra one at the same place pairs up as one changed step.
 */
function align(expected: readonly NormalizedStep[], actual: readonly NormalizedStep[]): Aligned[] {
  const eo = expected.map(opOf);
  const ao = actual.map(opOf);
  const n = eo.length;
  const m = ao.length;
  // The usual case, the same operations in the same order, pairs step by step: what the walk below would find.
  if (n === m && eo.every((op, i) => op === ao[i])) return eo.map((_, i) => ({ e: i, a: i }));
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = eo[i] === ao[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out: Aligned[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && eo[i] === ao[j]) out.push({ e: i++, a: j++ });
    else if (i < n && j < m && lcs[i + 1][j] === lcs[i][j + 1] && lcs[i + 1][j + 1] === lcs[i][j]) out.push({ e: i++, a: j++ });
    else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) out.push({ e: i++ });
    else out.push({ a: j++ });
  }
  return out;
}

/**
 * Differences between a baseline's steps and a run's, as findings whose path
 * names the step (numbered as in the baseline; an extra step as in the run)
 * and the field: `GetCredentialsForIdentity#2.facts.credentialLifetimeSeconds`.
 * Paths a case skips, with its reason, are left out.
 */
export function compareSteps(expected: readonly NormalizedStep[], actual: readonly NormalizedStep[], skip: readonly PathRule[] = []): Finding[] {
  const findings: Finding[] = [];
  for (const { e, a } of align(expected, actual)) {
    const es = e !== undefined ? expected[e] : undefined;
    const as = a !== undefined ? actual[a] : undefined;
    const label = es ? `${es.operation}#${e! + 1}` : `${as!.operation}#${a! + 1}`;
    if (!as) findings.push({ path: label, kind: 'golden', expected: opOf(es!), actual: 'no such step' });
    else if (!es) findings.push({ path: label, kind: 'golden', expected: 'no such step', actual: opOf(as) });
    else if (opOf(es) !== opOf(as)) findings.push({ path: label, kind: 'golden', expected: opOf(es), actual: opOf(as) });
    else diff(label, es, as, findings);
  }
  const skipped = skip.map((r) => pathOrBelow(r.path));
  return findings.filter((f) => !skipped.some((s) => s.test(f.path)));
}

function diff(path: string, expected: unknown, actual: unknown, out: Finding[]): void {
  if (Object.is(expected, actual)) return;
  const bothObjects = expected && actual && typeof expected === 'object' && typeof actual === 'object' && Array.isArray(expected) === Array.isArray(actual);
  if (!bothObjects) {
    out.push({ path, kind: 'golden', expected: expected ?? 'absent', actual: actual ?? 'absent' });
    return;
  }
  // Equal values are passed over before their path is written: most of a step equals its golden.
  if (Array.isArray(expected) && Array.isArray(actual)) {
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
      if (!Object.is(expected[i], actual[i])) diff(`${path}[${i}]`, expected[i], actual[i], out);
    }
    return;
  }
  const e = expected as Record<string, unknown>;
  const a = actual as Record<string, unknown>;
  const keys = keysOfBoth(e, a);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (e[key] === undefined && a[key] === undefined) continue;
    if (!Object.is(e[key], a[key])) diff(`${path}.${key}`, e[key], a[key], out);
  }
}

/** The keys of either object, sorted. */
function keysOfBoth(e: Record<string, unknown>, a: Record<string, unknown>): string[] {
  const keys = Object.keys(e);
  const more = Object.keys(a);
  for (let i = 0; i < more.length; i++) if (!Object.hasOwn(e, more[i])) keys.push(more[i]);
  return keys.sort();
}
