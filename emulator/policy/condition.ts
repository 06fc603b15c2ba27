import type { ConditionBlock, ConditionValue } from './types';
import { parseOperator, type BaseOperator } from './condition-operators';
import type { ContextLookup } from './variables';

/** What a condition sees of the request: its context keys (case-insensitive) and whether variables apply. */
export interface ConditionEnv {
  lookup: ContextLookup;
  /** Policy variables are substituted only in `"Version": "2012-10-17"` policies. */
  variablesEnabled: boolean;
}

function policyValues(value: ConditionValue): string[] {
  return (Array.isArray(value) ? value : [value]).map((v) => String(v));
}

/** The request's values for a key: [] when absent, one element for a single-valued key. */
function requestValues(raw: string | string[] | undefined): string[] {
  if (raw === undefined) return [];
  return Array.isArray(raw) ? raw : [raw];
}

/**
 * One request value against all policy values of one key: OR of the values for
 * a positive operator, NOR for a negated one (IAM-UG "Conditions with multiple
 * context keys or values"). A value that cannot be compared never matches.
 */
function valueMatches(op: BaseOperator, requestValue: string, values: string[], env: ConditionEnv): boolean {
  const variables = env.variablesEnabled ? env.lookup : undefined;
  const results = values.map((pv) => op.compare(requestValue, pv, variables));
  if (!op.negated) return results.some((r) => r === true);
  if (results.some((r) => r === undefined)) return false;
  return !results.some((r) => r === true);
}

function nullMatches(raw: string | string[] | undefined, values: string[]): boolean {
  const absent = requestValues(raw).length === 0;
  // "true": the key is absent (or null); "false": it is present [doc: IAM-UG condition operators, "Condition operator to check existence of condition keys"].
  return values.some((v) => v.toLowerCase() === String(absent));
}

function keyMatches(operatorName: string, key: string, value: ConditionValue, env: ConditionEnv): boolean {
  const parsed = parseOperator(operatorName);
  if (!parsed) return false;
  const raw = env.lookup(key);
  const values = policyValues(value);
  if (parsed.kind === 'null') return nullMatches(raw, values);
  const { set, base, ifExists } = parsed;
  const present = requestValues(raw);

  if (set === 'ForAnyValue') {
    // An absent key or an empty set: ForAnyValue is false [doc: IAM-UG "Single-valued vs. multivalued context keys"].
    if (present.length === 0) return ifExists;
    return present.some((rv) => valueMatches(base, rv, values, env));
  }
  if (set === 'ForAllValues') {
    // ...and ForAllValues is true [doc: same page; IAM-UG "Multivalued context key examples"].
    if (present.length === 0) return true;
    return present.every((rv) => valueMatches(base, rv, values, env));
  }

  // A key absent from the request: a positive operator is false, a negated one
  // true, and ...IfExists true [doc: IAM-UG condition operators, the note on keys
  // missing from the request context; "...IfExists condition operators"].
  if (present.length === 0) return ifExists || base.negated;
  // "Multivalued context keys require a condition set operator" [doc: IAM-UG
  // "Single-valued vs. multivalued context keys"]: without ForAnyValue/ForAllValues
  // an operator cannot compare a multivalued key, so it does not match. The
  // cloud-copilot/iam-simulate engine treats it the same way.
  if (Array.isArray(raw)) return false;
  return valueMatches(base, present[0], values, env);
}

/**
 * Evaluate a statement's Condition element: every operator and every key must
 * hold (AND); the values of one key are alternatives (OR, or NOR when negated).
 * An absent block holds.
 */
export function conditionsMatch(block: ConditionBlock | undefined, env: ConditionEnv): boolean {
  if (!block) return true;
  return Object.entries(block).every(([operator, keys]) =>
    Object.entries(keys).every(([key, value]) => keyMatches(operator, key, value, env)),
  );
}

/** A case-insensitive reader over a request context ("Key names are case-insensitive", IAM-UG "Variables and tags"). */
export function contextLookup(context: Record<string, string | string[] | undefined>): ContextLookup {
  const byLowerKey = new Map<string, string | string[] | undefined>();
  for (const [key, value] of Object.entries(context)) {
    if (value !== undefined) byLowerKey.set(key.toLowerCase(), value);
  }
  return (key) => byLowerKey.get(key.toLowerCase());
}
