import { AwsServiceError } from '../errors';
import {
  ConstraintReport,
  lengthViolations,
  NOT_NULL,
  stringViolations,
  type ConstraintStyle,
  type IntegerConstraint,
  type LengthConstraint,
  type StringConstraint,
} from './constraints';

/** How one awsJson service reads its members, besides its {@link ConstraintStyle}. */
export interface JsonInputOptions {
  style: ConstraintStyle;
  /** The service's error for failed constraints. */
  toError: (message: string) => AwsServiceError;
  /** The member path printed in messages for the name a caller passes (default: as passed). */
  memberName?: (name: string) => string;
  /** True: a string or integer that failed a constraint reads as undefined, so later checks skip it. */
  dropInvalid?: boolean;
}

function serializationError(name: string, expected: string): AwsServiceError {
  // The SDKs never send a wrong JSON type; hand-written requests can. Wording undocumented.
  return new AwsServiceError('SerializationException', `Expected ${expected} for ${name}.`, 400);
}

function missing(value: unknown): value is undefined | null {
  return value === undefined || value === null;
}

/**
 * Reads the members of an awsJson request body (untyped JSON) and checks them
 * against the model's constraints. A member of the wrong JSON type is a
 * SerializationException at once; constraint violations are collected and
 * thrown together by {@link JsonInputCheck.done}.
 */
export class JsonInputCheck extends ConstraintReport {
  private readonly memberName: (name: string) => string;
  private readonly dropInvalid: boolean;

  constructor(options: JsonInputOptions) {
    super(options.style, options.toError);
    this.memberName = options.memberName ?? ((name) => name);
    this.dropInvalid = options.dropInvalid ?? false;
  }

  private violate(value: unknown, name: string, constraint: string, sensitive = false): void {
    this.add(value, this.memberName(name), constraint, sensitive);
  }

  /** False (and a "Member must not be null" violation when required) unless the member was sent. */
  private sent(value: unknown, name: string, required?: boolean): value is NonNullable<unknown> {
    if (!missing(value)) return true;
    if (required) this.violate(value, name, NOT_NULL);
    return false;
  }

  string(value: unknown, name: string, rule: StringConstraint = {}): string | undefined {
    if (!this.sent(value, name, rule.required)) return undefined;
    if (typeof value !== 'string') throw serializationError(name, 'a string');
    const added = this.checkString(value, this.memberName(name), rule);
    return added > 0 && this.dropInvalid ? undefined : value;
  }

  integer(value: unknown, name: string, rule: IntegerConstraint = {}): number | undefined {
    if (!this.sent(value, name, rule.required)) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) throw serializationError(name, 'an integer');
    const added = this.checkInteger(value, this.memberName(name), rule);
    return added > 0 && this.dropInvalid ? undefined : value;
  }

  boolean(value: unknown, name: string, required = false): boolean | undefined {
    if (!this.sent(value, name, required)) return undefined;
    if (typeof value !== 'boolean') throw serializationError(name, 'a boolean');
    return value;
  }

  enumValue<T extends string>(value: unknown, name: string, allowed: readonly T[], required = false): T | undefined {
    if (!this.sent(value, name, required)) return undefined;
    if (typeof value !== 'string') throw serializationError(name, 'a string');
    if (!(allowed as readonly string[]).includes(value)) {
      this.violate(value, name, `Member must satisfy enum value set: [${allowed.join(', ')}]`);
      return undefined;
    }
    return value as T;
  }

  list(value: unknown, name: string, rule: { required?: boolean } & LengthConstraint = {}): unknown[] | undefined {
    if (!this.sent(value, name, rule.required)) return undefined;
    if (!Array.isArray(value)) throw serializationError(name, 'a list');
    for (const constraint of lengthViolations(value.length, rule)) this.violate(value, name, constraint);
    return value;
  }

  /** A list of strings; a bad member is reported against the whole list, as Coral does. */
  private strings(value: unknown, name: string): string[] | undefined {
    const list = this.list(value, name);
    if (!list) return undefined;
    for (const item of list) if (typeof item !== 'string') throw serializationError(name, 'a list of strings');
    return list as string[];
  }

  /** A list of enum values; any unknown value fails the list: "Member must satisfy constraint: [Member must satisfy enum value set: […]]". */
  enumList<T extends string>(value: unknown, name: string, allowed: readonly T[]): T[] | undefined {
    const list = this.strings(value, name);
    if (!list) return undefined;
    if (list.some((item) => !(allowed as readonly string[]).includes(item))) {
      this.violate(list, name, `Member must satisfy constraint: [Member must satisfy enum value set: [${allowed.join(', ')}]]`);
      return undefined;
    }
    return list as T[];
  }

  /** A list of strings whose members share one rule: "Member must satisfy constraint: [the failed constraints]". */
  stringList(value: unknown, name: string, member: StringConstraint): string[] | undefined {
    const list = this.strings(value, name);
    if (!list) return undefined;
    const failed = [...new Set(list.flatMap((item) => stringViolations(item, member, this.style)))];
    if (failed.length > 0) this.violate(list, name, `Member must satisfy constraint: [${failed.join(', ')}]`);
    return list;
  }

  structure(value: unknown, name: string, required = false): Record<string, unknown> | undefined {
    if (!this.sent(value, name, required)) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) throw serializationError(name, 'a structure');
    return value as Record<string, unknown>;
  }

  /**
   * A string-to-string map, checked as Coral does: its own size, then "Map keys
   * must satisfy constraint: […]" and "Map value must satisfy constraint: […]"
   * over all entries. Maps of secrets (Logins) are named without their value.
   */
  stringMap(
    value: unknown,
    name: string,
    rule: { required?: boolean; max?: number; key?: StringConstraint; value?: StringConstraint; sensitive?: boolean } = {},
  ): Record<string, string> | undefined {
    const map = this.structure(value, name, rule.required);
    if (!map) return undefined;
    for (const v of Object.values(map)) if (typeof v !== 'string') throw serializationError(name, 'a map of strings');
    const entries = map as Record<string, string>;
    const sensitive = rule.sensitive ?? false;
    for (const constraint of lengthViolations(Object.keys(entries).length, { max: rule.max })) {
      this.violate(entries, name, constraint, sensitive);
    }
    const each = (items: string[], c: StringConstraint | undefined) =>
      c ? [...new Set(items.flatMap((item) => stringViolations(item, c, this.style)))] : [];
    const keys = each(Object.keys(entries), rule.key);
    if (keys.length > 0) this.violate(entries, name, `Map keys must satisfy constraint: [${keys.join(', ')}]`, sensitive);
    const values = each(Object.values(entries), rule.value);
    if (values.length > 0) this.violate(entries, name, `Map value must satisfy constraint: [${values.join(', ')}]`, sensitive);
    return entries;
  }

  /** Report a required member that is missing, whatever its type. */
  present(value: unknown, name: string): void {
    this.sent(value, name, true);
  }

  /** Report a violation found by a caller-specific check. */
  fail(value: unknown, name: string, constraint: string): void {
    this.violate(value, name, constraint);
  }

  /** Throw the service's error listing every violation, if there was any. */
  done(): void {
    this.throwIfAny();
  }
}
