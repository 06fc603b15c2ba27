import { arnMatches } from './arn';
import { ipMatches } from './ip-address';
import { expandPolicyString, tokensToRegExp, tokensToString, type ContextLookup } from './variables';

/**
 * Compares one request value with one policy value. Undefined means the pair
 * cannot be compared (a value that is not a number, a date, an address, or a
 * policy variable that does not resolve).
 */
type Compare = (requestValue: string, policyValue: string, variables: ContextLookup | undefined) => boolean | undefined;

export interface BaseOperator {
  name: string;
  /** Negated operators match when no policy value matches (NOR). */
  negated: boolean;
  /** The positive comparison; negated operators are its complement. */
  compare: Compare;
}

function stringTokens(policyValue: string, variables: ContextLookup | undefined) {
  return expandPolicyString(policyValue, variables);
}

const stringEquals: Compare = (rv, pv, vars) => {
  const tokens = stringTokens(pv, vars);
  return tokens === undefined ? undefined : tokensToString(tokens) === rv;
};
const stringEqualsIgnoreCase: Compare = (rv, pv, vars) => {
  const tokens = stringTokens(pv, vars);
  return tokens === undefined ? undefined : tokensToString(tokens).toLowerCase() === rv.toLowerCase();
};
const stringLike: Compare = (rv, pv, vars) => {
  const tokens = stringTokens(pv, vars);
  return tokens === undefined ? undefined : tokensToRegExp(tokens, { wildcards: true, ignoreCase: false }).test(rv);
};
const arnLike: Compare = (rv, pv, vars) => arnMatches(pv, rv, vars);

function parseNumber(text: string): number | undefined {
  if (!/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(text)) return undefined;
  return Number(text);
}

/** Dates are ISO 8601 or epoch seconds (IAM-UG condition operators, "Date condition operators"). */
function parseDate(text: string): number | undefined {
  if (/^\s*-?\d+(\.\d+)?\s*$/.test(text)) return Number(text) * 1000;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

function numeric(test: (a: number, b: number) => boolean): Compare {
  return (rv, pv) => {
    const a = parseNumber(rv);
    const b = parseNumber(pv);
    return a === undefined || b === undefined ? undefined : test(a, b);
  };
}

function date(test: (a: number, b: number) => boolean): Compare {
  return (rv, pv) => {
    const a = parseDate(rv);
    const b = parseDate(pv);
    return a === undefined || b === undefined ? undefined : test(a, b);
  };
}

const bool: Compare = (rv, pv) => {
  const a = rv.toLowerCase();
  if (a !== 'true' && a !== 'false') return undefined;
  return a === pv.toLowerCase();
};

const eq = (a: number, b: number) => a === b;
const lt = (a: number, b: number) => a < b;
const le = (a: number, b: number) => a <= b;
const gt = (a: number, b: number) => a > b;
const ge = (a: number, b: number) => a >= b;

// [doc: IAM-UG "IAM JSON policy elements: Condition operators"]. Policy variables
// are honoured only by the string and ARN operators (IAM-UG "Variables and tags",
// "Condition element").
const OPERATORS: BaseOperator[] = [
  { name: 'StringEquals', negated: false, compare: stringEquals },
  { name: 'StringNotEquals', negated: true, compare: stringEquals },
  { name: 'StringEqualsIgnoreCase', negated: false, compare: stringEqualsIgnoreCase },
  { name: 'StringNotEqualsIgnoreCase', negated: true, compare: stringEqualsIgnoreCase },
  { name: 'StringLike', negated: false, compare: stringLike },
  { name: 'StringNotLike', negated: true, compare: stringLike },
  { name: 'NumericEquals', negated: false, compare: numeric(eq) },
  { name: 'NumericNotEquals', negated: true, compare: numeric(eq) },
  { name: 'NumericLessThan', negated: false, compare: numeric(lt) },
  { name: 'NumericLessThanEquals', negated: false, compare: numeric(le) },
  { name: 'NumericGreaterThan', negated: false, compare: numeric(gt) },
  { name: 'NumericGreaterThanEquals', negated: false, compare: numeric(ge) },
  { name: 'DateEquals', negated: false, compare: date(eq) },
  { name: 'DateNotEquals', negated: true, compare: date(eq) },
  { name: 'DateLessThan', negated: false, compare: date(lt) },
  { name: 'DateLessThanEquals', negated: false, compare: date(le) },
  { name: 'DateGreaterThan', negated: false, compare: date(gt) },
  { name: 'DateGreaterThanEquals', negated: false, compare: date(ge) },
  { name: 'Bool', negated: false, compare: bool },
  { name: 'BinaryEquals', negated: false, compare: (rv, pv) => rv === pv },
  { name: 'IpAddress', negated: false, compare: ipMatches },
  { name: 'NotIpAddress', negated: true, compare: ipMatches },
  { name: 'ArnEquals', negated: false, compare: arnLike },
  { name: 'ArnLike', negated: false, compare: arnLike },
  { name: 'ArnNotEquals', negated: true, compare: arnLike },
  { name: 'ArnNotLike', negated: true, compare: arnLike },
];

const BY_NAME = new Map(OPERATORS.map((op) => [op.name.toLowerCase(), op]));

/** A condition operator as written: optional set operator, base operator, optional IfExists. */
export type ParsedOperator =
  | { kind: 'null' }
  | { kind: 'compare'; set?: 'ForAnyValue' | 'ForAllValues'; base: BaseOperator; ifExists: boolean };

/**
 * Read `ForAnyValue:StringLikeIfExists` and the like. Names are matched
 * case-insensitively. Undefined for an operator IAM does not know.
 */
export function parseOperator(name: string): ParsedOperator | undefined {
  let rest = name;
  let set: 'ForAnyValue' | 'ForAllValues' | undefined;
  const prefix = /^(ForAnyValue|ForAllValues):/i.exec(rest);
  if (prefix) {
    set = prefix[1].toLowerCase() === 'foranyvalue' ? 'ForAnyValue' : 'ForAllValues';
    rest = rest.slice(prefix[0].length);
  }
  if (!set && rest.toLowerCase() === 'null') return { kind: 'null' };
  const ifExists = /IfExists$/i.test(rest);
  if (ifExists) rest = rest.slice(0, -'IfExists'.length);
  const base = BY_NAME.get(rest.toLowerCase());
  return base ? { kind: 'compare', set, base, ifExists } : undefined;
}
