import { AwsServiceError } from '../errors';
import { validationException } from './identity-errors';

/** Constraints of a string member as the CI-API reference lists them ("Length Constraints", "Pattern"). */
export interface StringRule {
  required?: boolean;
  min?: number;
  max?: number;
  /** The pattern exactly as AWS prints it; matched against the whole value. */
  pattern?: string;
}

const compiled = new Map<string, RegExp>();

function fullMatch(pattern: string, value: string): boolean {
  let re = compiled.get(pattern);
  if (!re) {
    // AWS patterns are Java regexes matched whole; \p{…} classes need the u flag.
    re = new RegExp(`^(?:${pattern})$`, 'u');
    compiled.set(pattern, re);
  }
  return re.test(value);
}

function lengthProblems(value: string | unknown[] | Record<string, unknown>, rule: { min?: number; max?: number }): string[] {
  const length = typeof value === 'string' || Array.isArray(value) ? value.length : Object.keys(value).length;
  const out: string[] = [];
  if (rule.max !== undefined && length > rule.max) out.push(`Member must have length less than or equal to ${rule.max}`);
  if (rule.min !== undefined && length < rule.min) out.push(`Member must have length greater than or equal to ${rule.min}`);
  return out;
}

function stringProblems(value: string, rule: StringRule): string[] {
  const out = lengthProblems(value, rule);
  if (rule.pattern !== undefined && value.length > 0 && !fullMatch(rule.pattern, value)) {
    out.push(`Member must satisfy regular expression pattern: ${rule.pattern}`);
  }
  return out;
}

/** Java's toString of what was sent: `[a, b]` for lists, `{k=v}` for maps. */
function display(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(display).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}=${display(v)}`)
      .join(', ')}}`;
  }
  return String(value);
}

function serializationError(member: string, expected: string): AwsServiceError {
  // The SDKs never send a wrong JSON type; hand-written requests can. Wording undocumented.
  return new AwsServiceError('SerializationException', `Expected ${expected} for ${member}.`, 400);
}

/**
 * Collects constraint violations and reports them the way Cognito identity's
 * front end does: `ValidationException` (not InvalidParameterException)
 * "1 validation error detected: Value 'test-with-identity-pool' at
 * 'identityPoolName' failed to satisfy constraint: Member must satisfy regular
 * expression pattern: …" [obs: getmoto/moto#1979 (AWS output quoted),
 * aws-amplify/amplify-swift#2864 (x-amzn-ErrorType: ValidationException for
 * 'identityPoolId'), aws-amplify/aws-sdk-android#1829 via amazon-freertos#1829].
 * Several violations are counted and joined with "; " (Coral's format, as in
 * STS and user pools). Member paths are camel-cased; list members read
 * `list.N.member.field` and map values `map.<key>.member.field` (Coral's
 * notation; not seen in a Cognito identity answer — undocumented).
 */
export class InputCheck {
  private readonly problems: string[] = [];

  private add(value: unknown, path: string, constraints: string[], showValue = true): void {
    if (constraints.length === 0) return;
    const shown = value === undefined || value === null ? 'Value null' : showValue ? `Value '${display(value)}'` : 'Value';
    const constraint = constraints.length === 1 ? constraints[0] : `[${constraints.join(', ')}]`;
    this.problems.push(`${shown} at '${path}' failed to satisfy constraint: ${constraint}`);
  }

  private missing(value: unknown, path: string, required?: boolean): boolean {
    if (value !== undefined && value !== null) return false;
    if (required) this.add(value, path, ['Member must not be null']);
    return true;
  }

  string(value: unknown, path: string, rule: StringRule = {}): string | undefined {
    if (this.missing(value, path, rule.required)) return undefined;
    if (typeof value !== 'string') throw serializationError(path, 'a string');
    const problems = stringProblems(value, rule);
    // Coral reports each failed constraint of a scalar as its own error.
    for (const p of problems) this.add(value, path, [p]);
    return problems.length === 0 ? value : undefined;
  }

  boolean(value: unknown, path: string, required = false): boolean | undefined {
    if (this.missing(value, path, required)) return undefined;
    if (typeof value !== 'boolean') throw serializationError(path, 'a boolean');
    return value;
  }

  integer(value: unknown, path: string, rule: { required?: boolean; min?: number; max?: number } = {}): number | undefined {
    if (this.missing(value, path, rule.required)) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) throw serializationError(path, 'an integer');
    let ok = true;
    if (rule.min !== undefined && value < rule.min) {
      this.add(value, path, [`Member must have value greater than or equal to ${rule.min}`]);
      ok = false;
    }
    if (rule.max !== undefined && value > rule.max) {
      this.add(value, path, [`Member must have value less than or equal to ${rule.max}`]);
      ok = false;
    }
    return ok ? value : undefined;
  }

  enumValue<T extends string>(value: unknown, path: string, allowed: readonly T[], required = false): T | undefined {
    if (this.missing(value, path, required)) return undefined;
    if (typeof value !== 'string') throw serializationError(path, 'a string');
    if (!(allowed as readonly string[]).includes(value)) {
      this.add(value, path, [`Member must satisfy enum value set: [${allowed.join(', ')}]`]);
      return undefined;
    }
    return value as T;
  }

  list(value: unknown, path: string, rule: { required?: boolean; min?: number; max?: number } = {}): unknown[] | undefined {
    if (this.missing(value, path, rule.required)) return undefined;
    if (!Array.isArray(value)) throw serializationError(path, 'a list');
    for (const p of lengthProblems(value, rule)) this.add(value, path, [p]);
    return value;
  }

  /** A list of strings whose members share one rule; a bad member is reported against the list. */
  stringList(value: unknown, path: string, member: StringRule): string[] | undefined {
    const list = this.list(value, path);
    if (!list) return undefined;
    for (const item of list) if (typeof item !== 'string') throw serializationError(path, 'a list of strings');
    const problems = [...new Set((list as string[]).flatMap((item) => stringProblems(item, member)))];
    if (problems.length > 0) this.add(list, path, [`Member must satisfy constraint: [${problems.join(', ')}]`]);
    return list as string[];
  }

  structure(value: unknown, path: string, required = false): Record<string, unknown> | undefined {
    if (this.missing(value, path, required)) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) throw serializationError(path, 'a structure');
    return value as Record<string, unknown>;
  }

  /**
   * A map checked as Coral does: its own size, then "Map keys must satisfy
   * constraint: […]" and "Map value must satisfy constraint: […]" over all entries.
   * Maps of secrets (Logins) are named without their value.
   */
  stringMap(
    value: unknown,
    path: string,
    rule: { required?: boolean; max?: number; key?: StringRule; value?: StringRule; sensitive?: boolean },
  ): Record<string, string> | undefined {
    const map = this.structure(value, path, rule.required);
    if (!map) return undefined;
    for (const v of Object.values(map)) if (typeof v !== 'string') throw serializationError(path, 'a map of strings');
    const show = !rule.sensitive;
    for (const p of lengthProblems(map, { max: rule.max })) this.add(map, path, [p], show);
    const keyProblems = rule.key ? [...new Set(Object.keys(map).flatMap((k) => stringProblems(k, rule.key!)))] : [];
    if (keyProblems.length > 0) this.add(map, path, [`Map keys must satisfy constraint: [${keyProblems.join(', ')}]`], show);
    const valueProblems = rule.value
      ? [...new Set(Object.values(map).flatMap((v) => stringProblems(v as string, rule.value!)))]
      : [];
    if (valueProblems.length > 0) this.add(map, path, [`Map value must satisfy constraint: [${valueProblems.join(', ')}]`], show);
    return map as Record<string, string>;
  }

  /** Report a violation found by a caller-specific check. */
  fail(value: unknown, path: string, constraint: string): void {
    this.add(value, path, [constraint]);
  }

  get ok(): boolean {
    return this.problems.length === 0;
  }

  /** Throw ValidationException listing every violation, if there was any. */
  done(): void {
    if (this.problems.length === 0) return;
    const n = this.problems.length;
    throw validationException(`${n} validation error${n === 1 ? '' : 's'} detected: ${this.problems.join('; ')}`);
  }
}

/** Shapes of the CI-API model (botocore cognito-identity 2014-06-30), as printed in AWS's messages. */
export const SHAPES = {
  identityPoolId: { min: 1, max: 55, pattern: '[\\w-]+:[0-9a-f-]+' },
  identityId: { min: 1, max: 55, pattern: '[\\w-]+:[0-9a-f-]+' },
  identityPoolName: { min: 1, max: 128, pattern: '[\\w\\s+=,.@-]+' },
  developerProviderName: { min: 1, max: 128, pattern: '[\\w._-]+' },
  identityProviderName: { min: 1, max: 128 },
  identityProviderId: { min: 1, max: 128, pattern: '[\\w.;_/-]+' },
  identityProviderToken: { min: 1, max: 50000 },
  cognitoProviderName: { min: 1, max: 128, pattern: '[\\w._:/-]+' },
  cognitoClientId: { min: 1, max: 128, pattern: '[\\w_]+' },
  arn: { min: 20, max: 2048 },
  roleType: { min: 1, max: 128, pattern: '(un)?authenticated' },
  claimName: { min: 1, max: 64, pattern: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+' },
  claimValue: { min: 1, max: 128 },
  tagKey: { min: 1, max: 128 },
  tagValue: { min: 0, max: 256 },
  accountId: { min: 1, max: 15, pattern: '\\d+' },
  paginationKey: { min: 1, max: 65535, pattern: '[\\S]+' },
  queryLimit: { min: 1, max: 60 },
  developerUserIdentifier: { min: 1, max: 1024 },
  tokenDuration: { min: 1, max: 86400 },
  principalTagId: { min: 1, max: 128 },
  principalTagValue: { min: 1, max: 256 },
} as const satisfies Record<string, StringRule | { min: number; max: number }>;
