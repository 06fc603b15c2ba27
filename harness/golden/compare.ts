import type { Finding } from '../cases/finding';
import type { NormalizedStep } from './normalize';

/**
 * Differences between a baseline's steps and a run's, as findings whose path
 * names the step and the field: `GetCredentialsForIdentity#2.facts.credentialLifetimeSeconds`.
 */
export function compareSteps(expected: readonly NormalizedStep[], actual: readonly NormalizedStep[]): Finding[] {
  const findings: Finding[] = [];
  const count = Math.max(expected.length, actual.length);
  for (let i = 0; i < count; i++) {
    const e = expected[i];
    const a = actual[i];
    const label = `${(e ?? a)!.operation}#${i + 1}`;
    if (!a) {
      findings.push({ path: label, kind: 'golden', expected: `${e.service}:${e.operation}`, actual: 'no such step' });
      continue;
    }
    if (!e) {
      findings.push({ path: label, kind: 'golden', expected: 'no such step', actual: `${a.service}:${a.operation}` });
      continue;
    }
    if (e.operation !== a.operation || e.service !== a.service) {
      findings.push({ path: label, kind: 'golden', expected: `${e.service}:${e.operation}`, actual: `${a.service}:${a.operation}` });
      continue;
    }
    diff(label, e, a, findings);
  }
  return findings;
}

function diff(path: string, expected: unknown, actual: unknown, out: Finding[]): void {
  if (Object.is(expected, actual)) return;
  const bothObjects = expected && actual && typeof expected === 'object' && typeof actual === 'object' && Array.isArray(expected) === Array.isArray(actual);
  if (!bothObjects) {
    out.push({ path, kind: 'golden', expected: expected ?? 'absent', actual: actual ?? 'absent' });
    return;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) diff(`${path}[${i}]`, expected[i], actual[i], out);
    return;
  }
  const e = expected as Record<string, unknown>;
  const a = actual as Record<string, unknown>;
  for (const key of [...new Set([...Object.keys(e), ...Object.keys(a)])].sort()) {
    if (e[key] === undefined && a[key] === undefined) continue;
    diff(`${path}.${key}`, e[key], a[key], out);
  }
}
