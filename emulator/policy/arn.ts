import { expandPolicyString, tokensToRegExp, type ContextLookup } from './variables';

/**
 * Split on the first five colons: `arn`, partition, service, region, account
 * and the resource (which may itself hold colons). Colons inside `${...}` do
 * not split, so `${aws:username}` stays whole. Undefined when there are fewer
 * than six components.
 */
export function splitArn(value: string): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '$' && value[i + 1] === '{') depth++;
    else if (ch === '}' && depth > 0) depth--;
    if (ch === ':' && depth === 0 && parts.length < 5) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts.length === 6 ? parts : undefined;
}

function componentMatches(pattern: string, value: string, lookup: ContextLookup | undefined): boolean {
  const tokens = expandPolicyString(pattern, lookup);
  return tokens !== undefined && tokensToRegExp(tokens, { wildcards: true, ignoreCase: false }).test(value);
}

/**
 * ARN matching as ArnEquals/ArnLike and the Resource element do it: each of the
 * six colon-delimited components is compared separately, case-sensitively, and
 * each may use `*` and `?` (IAM-UG "IAM JSON policy elements: Condition
 * operators", ARN condition operators). A pattern that is not a six-part ARN
 * (typically `*`) is matched against the whole value.
 */
export function arnMatches(pattern: string, value: string, lookup: ContextLookup | undefined): boolean {
  const patternParts = splitArn(pattern);
  if (!patternParts) return componentMatches(pattern, value, lookup);
  const valueParts = splitArn(value);
  if (!valueParts) return false;
  return patternParts.every((part, i) => componentMatches(part, valueParts[i], lookup));
}
