import { AwsServiceError } from '../errors';
import { FORBIDDEN_NAMES, MAX_INPUT_DEPTH, shown } from './input-limits';

/**
 * `MalformedQueryString` (404) "The query string contains a syntax error."
 * and `InvalidQueryParameter` (400) "The AWS query string is malformed or does
 * not adhere to AWS standards." [doc: the "Common Errors" every Query API
 * reference lists, e.g. STS-API / IAM-API "Common Errors"].
 */
export function malformedQueryString(detail: string): AwsServiceError {
  return new AwsServiceError('MalformedQueryString', `The query string contains a syntax error. ${detail}`, 404);
}

export function invalidQueryParameter(detail: string): AwsServiceError {
  return new AwsServiceError('InvalidQueryParameter', `The AWS query string is malformed or does not adhere to AWS standards. ${detail}`, 400);
}

function decode(text: string, whole: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw malformedQueryString(`'${shown(whole)}' is not valid percent-encoding.`);
  }
}

/**
 * Split `a=1&b=2` into decoded name/value pairs in order (`+` is a space).
 * Broken percent-encoding is a MalformedQueryString rather than being passed
 * on half-decoded.
 */
export function parseFormPairs(text: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    pairs.push([decode(eq < 0 ? part : part.slice(0, eq), part), decode(eq < 0 ? '' : part.slice(eq + 1), part)]);
  }
  return pairs;
}

type FormNode = string | Map<string, FormNode>;

/**
 * Put one `A.b.member.1=v` pair into a tree of Maps. Maps have no prototype
 * to reach; names that would reach one elsewhere, and keys deeper than
 * MAX_INPUT_DEPTH, are refused. A name sent twice keeps its first value, as
 * STS does [obs: argmin sts_oracle.rs "assume-role-duplicate-session-name-invalid-first"
 * and "duplicate-action": the first of two values is the one used].
 */
function insert(root: Map<string, FormNode>, name: string, value: string): void {
  const parts = name.split('.');
  if (parts.length > MAX_INPUT_DEPTH) {
    throw invalidQueryParameter(`Parameter '${shown(name)}' has ${parts.length} parts; at most ${MAX_INPUT_DEPTH} are read.`);
  }
  const reserved = parts.find((part) => FORBIDDEN_NAMES.has(part));
  if (reserved) throw invalidQueryParameter(`Parameter '${shown(name)}' uses the reserved name '${reserved}'.`);
  let node = root;
  for (const part of parts.slice(0, -1)) {
    let next = node.get(part);
    if (!(next instanceof Map)) {
      next = new Map();
      node.set(part, next);
    }
    node = next;
  }
  const leaf = parts[parts.length - 1];
  if (!node.has(leaf)) node.set(leaf, value);
}

/**
 * A tree of Maps as the handlers read it: plain objects, and `Name.member.N`
 * / `Name.entry.N` lists as arrays in index order. Depth is bounded by
 * MAX_INPUT_DEPTH, so the recursion is too.
 */
function toInput(node: FormNode): unknown {
  if (typeof node === 'string') return node;
  const keys = [...node.keys()];
  if (keys.length === 1 && (keys[0] === 'member' || keys[0] === 'entry')) {
    const members = node.get(keys[0])!;
    if (members instanceof Map) {
      return [...members.entries()]
        .filter(([k]) => /^\d+$/.test(k))
        .sort(([a], [b]) => Number(a) - Number(b))
        .map(([, v]) => toInput(v));
    }
  }
  return Object.fromEntries(keys.map((key) => [key, toInput(node.get(key)!)]));
}

export interface QueryForm {
  /** Undefined when the form has no Action at all (not the same as `Action=`). */
  action?: string;
  version?: string;
  input: Record<string, unknown>;
}

/**
 * Decode an awsQuery form into nested objects. Lists arrive flattened as
 * `Name.member.N` (and `Name.member.N.Field`); they come back as arrays in
 * index order. Leaf values stay strings, as on the wire.
 */
export function decodeQueryForm(body: string): QueryForm {
  const root = new Map<string, FormNode>();
  let action: string | undefined;
  let version: string | undefined;
  for (const [name, value] of parseFormPairs(body)) {
    if (name === 'Action') action ??= value;
    else if (name === 'Version') version ??= value;
    else insert(root, name, value);
  }
  return { action, version, input: toInput(root) as Record<string, unknown> };
}
