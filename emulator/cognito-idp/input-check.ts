import { AwsServiceError } from '../errors';
import { invalidParameter } from './idp-errors';

/** Constraints of a string member, as the UP-API reference lists them ("Length Constraints", "Pattern"). */
export interface StringRule {
  required?: boolean;
  min?: number;
  max?: number;
  /** The pattern exactly as AWS prints it; matched against the whole value. */
  pattern?: string;
  /** Sensitive members (passwords, usernames, attribute values) are named without their value. */
  sensitive?: boolean;
}

export interface IntegerRule {
  required?: boolean;
  min?: number;
  max?: number;
}

const compiled = new Map<string, RegExp>();

function fullMatch(pattern: string, value: string): boolean {
  let re = compiled.get(pattern);
  if (!re) {
    // AWS patterns are Java regexes matched with matches(): the whole value, Unicode classes allowed.
    re = new RegExp(`^(?:${pattern})$`, 'u');
    compiled.set(pattern, re);
  }
  return re.test(value);
}

/** `PasswordPolicy.MinimumLength` → `passwordPolicy.minimumLength`, the member path AWS names in messages. */
export function memberPath(wireName: string): string {
  return wireName
    .split('.')
    .map((part) => part.charAt(0).toLowerCase() + part.slice(1))
    .join('.');
}

function serializationError(wireName: string, expected: string): AwsServiceError {
  // Undocumented wording; the SDKs never send a wrong JSON type, hand-written requests can.
  return new AwsServiceError('SerializationException', `Expected ${expected} for ${wireName}.`, 400);
}

/**
 * Collects constraint violations the way Cognito's front end reports them:
 * `InvalidParameterException` "1 validation error detected: Value 'x' at
 * 'userPoolId' failed to satisfy constraint: Member must satisfy regular
 * expression pattern: [\w-]+_[0-9a-zA-Z]+" [obs: anomalyco/guide#127,
 * aws/aws-sdk-js#3344]; several violations are counted and joined with "; ",
 * and sensitive members read "Value at 'password' …" [obs: public client code
 * matching "2 validation errors detected: Value at 'password' failed to
 * satisfy constraint: …; Value at 'password' …"].
 */
export class InputCheck {
  private readonly problems: string[] = [];

  private add(value: unknown, wireName: string, constraint: string, sensitive = false): void {
    const shown = value === undefined || value === null ? 'Value null' : sensitive ? 'Value' : `Value '${display(value)}'`;
    this.problems.push(`${shown} at '${memberPath(wireName)}' failed to satisfy constraint: ${constraint}`);
  }

  string(value: unknown, wireName: string, rule: StringRule = {}): string | undefined {
    if (value === undefined || value === null) {
      if (rule.required) this.add(value, wireName, 'Member must not be null');
      return undefined;
    }
    if (typeof value !== 'string') throw serializationError(wireName, 'a string');
    if (rule.min !== undefined && value.length < rule.min) {
      this.add(value, wireName, `Member must have length greater than or equal to ${rule.min}`, rule.sensitive);
    }
    if (rule.max !== undefined && value.length > rule.max) {
      this.add(value, wireName, `Member must have length less than or equal to ${rule.max}`, rule.sensitive);
    }
    if (rule.pattern !== undefined && value.length > 0 && !fullMatch(rule.pattern, value)) {
      this.add(value, wireName, `Member must satisfy regular expression pattern: ${rule.pattern}`, rule.sensitive);
    }
    return value;
  }

  integer(value: unknown, wireName: string, rule: IntegerRule = {}): number | undefined {
    if (value === undefined || value === null) {
      if (rule.required) this.add(value, wireName, 'Member must not be null');
      return undefined;
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) throw serializationError(wireName, 'an integer');
    if (rule.min !== undefined && value < rule.min) {
      this.add(value, wireName, `Member must have value greater than or equal to ${rule.min}`);
    }
    if (rule.max !== undefined && value > rule.max) {
      this.add(value, wireName, `Member must have value less than or equal to ${rule.max}`);
    }
    return value;
  }

  boolean(value: unknown, wireName: string): boolean | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') throw serializationError(wireName, 'a boolean');
    return value;
  }

  enumValue<T extends string>(value: unknown, wireName: string, allowed: readonly T[], required = false): T | undefined {
    if (value === undefined || value === null) {
      if (required) this.add(value, wireName, 'Member must not be null');
      return undefined;
    }
    if (typeof value !== 'string') throw serializationError(wireName, 'a string');
    if (!(allowed as readonly string[]).includes(value)) {
      this.add(value, wireName, `Member must satisfy enum value set: [${allowed.join(', ')}]`);
      return undefined;
    }
    return value as T;
  }

  /** A list of enum values; a bad member is reported against the whole list, as Coral does. */
  enumList<T extends string>(value: unknown, wireName: string, allowed: readonly T[]): T[] | undefined {
    const list = this.list(value, wireName);
    if (!list) return undefined;
    for (const item of list) if (typeof item !== 'string') throw serializationError(wireName, 'a list of strings');
    if (list.some((item) => !(allowed as readonly string[]).includes(item as string))) {
      this.add(
        list,
        wireName,
        `Member must satisfy constraint: [Member must satisfy enum value set: [${allowed.join(', ')}]]`,
      );
      return undefined;
    }
    return list as T[];
  }

  list(value: unknown, wireName: string, rule: { required?: boolean; min?: number; max?: number } = {}): unknown[] | undefined {
    if (value === undefined || value === null) {
      if (rule.required) this.add(value, wireName, 'Member must not be null');
      return undefined;
    }
    if (!Array.isArray(value)) throw serializationError(wireName, 'a list');
    if (rule.min !== undefined && value.length < rule.min) {
      this.add(value, wireName, `Member must have length greater than or equal to ${rule.min}`);
    }
    if (rule.max !== undefined && value.length > rule.max) {
      this.add(value, wireName, `Member must have length less than or equal to ${rule.max}`);
    }
    return value;
  }

  object(value: unknown, wireName: string): Record<string, unknown> | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) throw serializationError(wireName, 'a structure');
    return value as Record<string, unknown>;
  }

  /** A string-to-string map (tags, AuthParameters). */
  stringMap(value: unknown, wireName: string): Record<string, string> | undefined {
    const obj = this.object(value, wireName);
    if (!obj) return undefined;
    for (const v of Object.values(obj)) if (typeof v !== 'string') throw serializationError(wireName, 'a map of strings');
    return obj as Record<string, string>;
  }

  /** Report a required member that is missing, whatever its type. */
  present(value: unknown, wireName: string): void {
    if (value === undefined || value === null) this.add(value, wireName, 'Member must not be null');
  }

  get count(): number {
    return this.problems.length;
  }

  /** Throw InvalidParameterException if anything was wrong. */
  done(): void {
    if (this.problems.length === 0) return;
    const n = this.problems.length;
    throw invalidParameter(`${n} validation error${n === 1 ? '' : 's'} detected: ${this.problems.join('; ')}`);
  }
}

function display(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(display).join(', ')}]`;
  return String(value);
}
