import type { PathRule } from '../cases/golden-rules';
import type { NormalizedStep } from './normalized-step';
import { pathGlob } from './path-glob';
import { stableStringify } from './stable-json';

/** A transformer of a case's normalized steps as a whole, applied after the default ones. */
export interface StepsTransformer {
  readonly name: string;
  apply(steps: NormalizedStep[]): NormalizedStep[];
}

/** Items in the order of their normalized JSON, each written once rather than at every comparison. */
function sortedByJson(items: readonly unknown[]): unknown[] {
  const keyed = items.map((item) => ({ item, json: stableStringify(item) }));
  return keyed.sort((a, b) => a.json.localeCompare(b.json)).map((k) => k.item);
}

/**
 * Keep the arrays at these paths sorted (by their normalized JSON), where AWS
 * documents no order: after normalization, so the order never depends on a
 * run's random ids.
 */
export function sortPaths(rules: readonly PathRule[]): StepsTransformer {
  const globs = rules.map((r) => pathGlob(r.path));
  const visit = (value: unknown, path: string): unknown => {
    if (Array.isArray(value)) {
      const items = value.map((v, i) => visit(v, `${path}[${i}]`));
      return globs.some((g) => g.test(path)) ? sortedByJson(items) : items;
    }
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v, `${path}.${k}`)]));
    }
    return value;
  };
  return {
    name: `sort ${rules.map((r) => `${r.path} (${r.reason})`).join(', ')}`,
    apply: (steps) => steps.map((step, i) => visit(step, `${step.operation}#${i + 1}`) as NormalizedStep),
  };
}
