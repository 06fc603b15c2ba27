/**
 * Policy variables (IAM-UG "IAM policy elements: Variables and tags"):
 * `${aws:username}` is replaced with the request's value for that key,
 * `${key, 'default'}` falls back to the quoted text, and `${*}`, `${?}`, `${$}`
 * stand for the literal characters. Variables only exist in policies with
 * `"Version": "2012-10-17"`; in older ones the text stays literal.
 */

/** A piece of a policy string. `literal` pieces came from a variable and never act as wildcards. */
export interface PatternToken {
  text: string;
  literal: boolean;
}

/** Reads a request context key; undefined when the request does not carry it. */
export type ContextLookup = (key: string) => string | string[] | undefined;

const SPECIAL = new Set(['*', '?', '$']);
// `key` or `key, 'default'`; a quote inside the default is written twice.
const VARIABLE_BODY = /^\s*([^\s,']+)\s*(?:,\s*'((?:[^']|'')*)'\s*)?$/;

/**
 * Split `value` into tokens, substituting variables through `lookup`. Without a
 * lookup (policy language older than 2012-10-17) the whole value is one
 * non-literal token. Returns undefined when a variable cannot be resolved: the
 * key is absent or multivalued and no default is given. The policy element
 * holding it then matches nothing ("If AWS cannot resolve a variable, this
 * might cause the entire statement to be invalid").
 */
export function expandPolicyString(value: string, lookup: ContextLookup | undefined): PatternToken[] | undefined {
  if (!lookup) return [{ text: value, literal: false }];
  const tokens: PatternToken[] = [];
  let rest = value;
  for (;;) {
    const start = rest.indexOf('${');
    const end = start < 0 ? -1 : rest.indexOf('}', start + 2);
    if (start < 0 || end < 0) {
      if (rest) tokens.push({ text: rest, literal: false });
      return tokens;
    }
    if (start > 0) tokens.push({ text: rest.slice(0, start), literal: false });
    const body = rest.slice(start + 2, end);
    const resolved = resolveVariable(body, lookup);
    if (resolved === undefined) return undefined;
    tokens.push({ text: resolved, literal: true });
    rest = rest.slice(end + 1);
  }
}

function resolveVariable(body: string, lookup: ContextLookup): string | undefined {
  if (SPECIAL.has(body)) return body;
  const m = VARIABLE_BODY.exec(body);
  if (!m) return undefined;
  const value = lookup(m[1]);
  if (typeof value === 'string') return value;
  // A multivalued key cannot be a variable (IAM-UG "Single-valued vs. multivalued context keys").
  if (m[2] !== undefined) return m[2].replace(/''/g, "'");
  return undefined;
}

/** The tokens joined back into one string, as exact-match operators compare it. */
export function tokensToString(tokens: PatternToken[]): string {
  return tokens.map((t) => t.text).join('');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * A whole-string RegExp for the tokens. With `wildcards`, `*` in non-literal
 * tokens matches any run of characters and `?` any single character.
 */
export function tokensToRegExp(tokens: PatternToken[], options: { wildcards: boolean; ignoreCase: boolean }): RegExp {
  const source = tokens
    .map((t) => {
      if (t.literal || !options.wildcards) return escapeRegExp(t.text);
      return [...t.text].map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : escapeRegExp(ch))).join('');
    })
    .join('');
  return new RegExp(`^${source}$`, options.ignoreCase ? 'isu' : 'su');
}

/** Glob match with `*` and `?`, no variables. */
export function globMatches(pattern: string, value: string, ignoreCase: boolean): boolean {
  return tokensToRegExp([{ text: pattern, literal: false }], { wildcards: true, ignoreCase }).test(value);
}
