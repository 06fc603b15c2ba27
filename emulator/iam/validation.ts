import { validationError } from '../errors';

/** Constraints of a string member, as the IAM and STS API references list them. */
export interface StringConstraint {
  required?: boolean;
  min?: number;
  max?: number;
  /** The pattern exactly as AWS prints it in messages; matched against the whole value. */
  pattern?: string;
}

export interface IntegerConstraint {
  required?: boolean;
  min?: number;
  max?: number;
}

const compiled = new Map<string, RegExp>();

function fullMatch(pattern: string, value: string): boolean {
  let re = compiled.get(pattern);
  if (!re) {
    // The model's patterns are Java regexes applied with matches(); \w is ASCII in both.
    re = new RegExp(`^(?:${pattern})$`, 'u');
    compiled.set(pattern, re);
  }
  return re.test(value);
}

/**
 * Collects the constraint violations of one request the way IAM and STS report
 * them: `ValidationError` (400) "1 validation error detected: Value 'x' at
 * 'roleName' failed to satisfy constraint: Member must have length less than or
 * equal to 64" [obs: legion-platform/legion#530]; a missing member reads
 * "Value null at '…' … Member must not be null"; several violations are
 * counted and joined with "; ", the pattern before the length of the same
 * member [obs: newscorpaus/consigliere#18, "2 validation errors detected: Value
 * '' at 'roleArn' … regular expression pattern …; Value '' at 'roleArn' … length
 * greater than or equal to 20"]. Check members in the order of the API shape.
 */
export class Violations {
  private readonly found: string[] = [];

  /** Record one violation of `member` (the camelCase member path, e.g. `roleSessionName`). */
  add(value: unknown, member: string, constraint: string): this {
    const shown = value === undefined || value === null ? 'Value null' : `Value '${String(value)}'`;
    this.found.push(`${shown} at '${member}' failed to satisfy constraint: ${constraint}`);
    return this;
  }

  string(value: string | undefined, member: string, c: StringConstraint): this {
    if (value === undefined) {
      if (c.required) this.add(value, member, 'Member must not be null');
      return this;
    }
    if (c.pattern !== undefined && !fullMatch(c.pattern, value)) {
      this.add(value, member, `Member must satisfy regular expression pattern: ${c.pattern}`);
    }
    // Lengths count characters, not UTF-16 units: a lone emoji is one character too short for a minimum of 2.
    const length = [...value].length;
    if (c.min !== undefined && length < c.min) this.add(value, member, `Member must have length greater than or equal to ${c.min}`);
    if (c.max !== undefined && length > c.max) this.add(value, member, `Member must have length less than or equal to ${c.max}`);
    return this;
  }

  integer(value: number | undefined, member: string, c: IntegerConstraint): this {
    if (value === undefined) {
      if (c.required) this.add(value, member, 'Member must not be null');
      return this;
    }
    if (c.min !== undefined && value < c.min) this.add(value, member, `Member must have value greater than or equal to ${c.min}`);
    if (c.max !== undefined && value > c.max) this.add(value, member, `Member must have value less than or equal to ${c.max}`);
    return this;
  }

  get messages(): readonly string[] {
    return this.found;
  }

  /** Throw `ValidationError` when anything was found. */
  throwIfAny(): void {
    if (this.found.length === 0) return;
    const n = this.found.length;
    throw validationError(`${n} validation error${n === 1 ? '' : 's'} detected: ${this.found.join('; ')}`);
  }
}
