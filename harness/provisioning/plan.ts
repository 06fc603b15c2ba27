import { UsageError } from '../errors';
import { resourceKind, resourceKinds } from './registry';
import type { Declared, ResourceRef } from './resource-kind';
import type { FixtureSpec } from './spec';

/** A fixture that cannot be provisioned as declared: found before anything is created. Exit code 2. */
export class FixtureError extends UsageError {}

/** `iam-role:admin`: one resource's identity within a fixture. */
export function refKey(ref: ResourceRef): string {
  return `${ref.kind}:${ref.key}`;
}

function noun(kind: string): string {
  return resourceKind(kind)?.noun ?? kind;
}

/**
 * Every resource a fixture declares, in the order to create them when
 * nothing says otherwise (kinds in registry order, then declaration order),
 * with what each names. Checked before anything exists: every name a
 * resource uses must be declared, and no resources may name each other in a
 * circle. Implicit resources (the caller identity) join when named, or when
 * the fixture declares them.
 */
export function planFixture(spec: FixtureSpec): Declared[] {
  const declared: Declared[] = [];
  for (const kind of resourceKinds()) {
    try {
      declared.push(...kind.declared(spec));
    } catch (err) {
      throw new FixtureError(`Could not read what the fixture's ${kind.noun}s name: ${(err as Error).message}`);
    }
  }
  const named = new Set(declared.flatMap((d) => d.needs.map(refKey)));
  const plan = resourceKinds().flatMap((kind) => {
    if (kind.implicit) {
      // An implicit resource a fixture also declares (to say what it needs) is made as declared, named or not.
      const own = declared.filter((d) => d.kind === kind.kind);
      if (own.length > 0) return own;
      return named.has(refKey({ kind: kind.kind, key: kind.kind })) ? [{ kind: kind.kind, key: kind.kind, spec: undefined, needs: [] }] : [];
    }
    return declared.filter((d) => d.kind === kind.kind);
  });
  checkReferences(plan);
  checkCircles(plan);
  return plan;
}

function checkReferences(plan: Declared[]): void {
  const known = new Set(plan.map(refKey));
  for (const d of plan) {
    for (const need of d.needs) {
      if (known.has(refKey(need))) continue;
      const same = plan.filter((p) => p.kind === need.kind).map((p) => p.key);
      throw new FixtureError(
        `${noun(d.kind)} '${d.key}' names ${noun(need.kind)} '${need.key}', which the fixture does not declare. ` +
          `Declared ${noun(need.kind)}s: ${same.join(', ') || 'none'}. Expected: every name a resource uses declared in the same fixture.`,
      );
    }
  }
}

function checkCircles(plan: Declared[]): void {
  const byKey = new Map(plan.map((d) => [refKey(d), d]));
  const state = new Map<string, 'visiting' | 'done'>();
  const path: Declared[] = [];
  const visit = (d: Declared): void => {
    const key = refKey(d);
    if (state.get(key) === 'done') return;
    if (state.get(key) === 'visiting') {
      const circle = [...path.slice(path.indexOf(d)), d].map((x) => `${noun(x.kind)} '${x.key}'`);
      throw new FixtureError(`${circle.join(' → ')}: these name each other in a circle, so none of them can be created first. Expected: names that lead back to nothing already waiting.`);
    }
    state.set(key, 'visiting');
    path.push(d);
    for (const need of d.needs) visit(byKey.get(refKey(need))!);
    path.pop();
    state.set(key, 'done');
  };
  for (const d of plan) visit(d);
}
