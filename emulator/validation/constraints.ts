import type { AwsServiceError } from '../errors';

// AWS's request validation ("Coral") is shared by IAM, STS and both Cognito
// services: each member of the API model is checked against its constraints
// (required, length, pattern, range) and every violation is reported in one
// message, "N validation error(s) detected: Value '…' at 'member' failed to
// satisfy constraint: …; …". Only the error code and a few details of order
// differ between services; those are the `ConstraintStyle` each one passes.

/** Length constraints of a string, list or map member ("Length Constraints" in the API references). */
export interface LengthConstraint {
  min?: number;
  max?: number;
}

/** Constraints of a string member, as the API references list them. */
export interface StringConstraint extends LengthConstraint {
  required?: boolean;
  /** The pattern exactly as AWS prints it in messages; matched against the whole value. */
  pattern?: string;
  /** Sensitive members (passwords, tokens) are named without their value: "Value at 'password' …". */
  sensitive?: boolean;
}

/** Constraints of an integer member ("Valid Range"). */
export interface IntegerConstraint {
  required?: boolean;
  min?: number;
  max?: number;
}

/**
 * How one service's front end checks a string member. The services' evidence
 * differs, so each states its own (see the style next to each service's checker).
 */
export interface ConstraintStyle {
  /** Whether a pattern violation is listed before or after the length violations of the same member. */
  order: 'pattern-first' | 'length-first';
  /** Whether an empty string is matched against the pattern at all. */
  patternOnEmpty: boolean;
  /** What a string length counts: Unicode code points or UTF-16 code units. */
  lengthUnit: 'code-points' | 'utf-16';
}

/** The constraint a missing required member fails. */
export const NOT_NULL = 'Member must not be null';

const compiled = new Map<string, RegExp>();

/**
 * Whether `value` matches `pattern` as a whole. The model's patterns are Java
 * regexes applied with matches(): anchored at both ends, `\p{…}` classes allowed
 * (hence the `u` flag); `\w` is ASCII in both languages.
 */
export function fullMatch(pattern: string, value: string): boolean {
  let re = compiled.get(pattern);
  if (!re) {
    re = new RegExp(`^(?:${pattern})$`, 'u');
    compiled.set(pattern, re);
  }
  return re.test(value);
}

/** The length constraints `length` fails, the maximum first (the order AWS lists a member's constraints in). */
export function lengthViolations(length: number, c: LengthConstraint): string[] {
  const out: string[] = [];
  if (c.max !== undefined && length > c.max) out.push(`Member must have length less than or equal to ${c.max}`);
  if (c.min !== undefined && length < c.min) out.push(`Member must have length greater than or equal to ${c.min}`);
  return out;
}

/** The constraints a present string fails, in the service's order. */
export function stringViolations(value: string, c: StringConstraint, style: ConstraintStyle): string[] {
  const length = style.lengthUnit === 'code-points' ? [...value].length : value.length;
  const lengths = lengthViolations(length, c);
  const checkPattern = c.pattern !== undefined && (style.patternOnEmpty || value.length > 0);
  const pattern = checkPattern && !fullMatch(c.pattern!, value) ? [`Member must satisfy regular expression pattern: ${c.pattern}`] : [];
  return style.order === 'pattern-first' ? [...pattern, ...lengths] : [...lengths, ...pattern];
}

/** The range constraints a present integer fails. */
export function integerViolations(value: number, c: IntegerConstraint): string[] {
  const out: string[] = [];
  if (c.min !== undefined && value < c.min) out.push(`Member must have value greater than or equal to ${c.min}`);
  if (c.max !== undefined && value > c.max) out.push(`Member must have value less than or equal to ${c.max}`);
  return out;
}

/** Java's toString of what was sent, as AWS prints it: `[a, b]` for lists, `{k=v}` for maps. */
export function displayValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(displayValue).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}=${displayValue(v)}`)
      .join(', ')}}`;
  }
  return String(value);
}

/**
 * One violation: "Value 'x' at 'member' failed to satisfy constraint: …";
 * "Value null at …" when the member is missing, "Value at …" for a sensitive one.
 */
export function violationText(value: unknown, member: string, constraint: string, sensitive = false): string {
  const shown = value === undefined || value === null ? 'Value null' : sensitive ? 'Value' : `Value '${displayValue(value)}'`;
  return `${shown} at '${member}' failed to satisfy constraint: ${constraint}`;
}

/** The whole message: "N validation error(s) detected: " and the violations joined with "; ". */
export function validationMessage(violations: readonly string[]): string {
  const n = violations.length;
  return `${n} validation error${n === 1 ? '' : 's'} detected: ${violations.join('; ')}`;
}

/**
 * The violations of one request, collected in the order members are checked
 * (the order of the API shape) and thrown together as the service's error.
 */
export class ConstraintReport {
  private readonly found: string[] = [];

  /**
   * @param style how this service orders and counts string checks.
   * @param toError the service's error for a failed validation (ValidationError, InvalidParameterException, …).
   */
  constructor(
    protected readonly style: ConstraintStyle,
    private readonly toError: (message: string) => AwsServiceError,
  ) {}

  /** Record one violation of `member` (the camelCase member path, e.g. `roleSessionName`). */
  add(value: unknown, member: string, constraint: string, sensitive = false): this {
    this.found.push(violationText(value, member, constraint, sensitive));
    return this;
  }

  /** Check a string member already read from the request; returns how many violations it added. */
  protected checkString(value: string | undefined, member: string, c: StringConstraint): number {
    if (value === undefined) {
      if (c.required) this.add(value, member, NOT_NULL);
      return c.required ? 1 : 0;
    }
    const failed = stringViolations(value, c, this.style);
    for (const constraint of failed) this.add(value, member, constraint, c.sensitive);
    return failed.length;
  }

  /** Check an integer member already read from the request; returns how many violations it added. */
  protected checkInteger(value: number | undefined, member: string, c: IntegerConstraint): number {
    if (value === undefined) {
      if (c.required) this.add(value, member, NOT_NULL);
      return c.required ? 1 : 0;
    }
    const failed = integerViolations(value, c);
    for (const constraint of failed) this.add(value, member, constraint);
    return failed.length;
  }

  /** Every violation so far, each "Value … at '…' failed to satisfy constraint: …". */
  get messages(): readonly string[] {
    return this.found;
  }

  get count(): number {
    return this.found.length;
  }

  get ok(): boolean {
    return this.found.length === 0;
  }

  /** Throw the service's error listing every violation, if there was any. */
  throwIfAny(): void {
    if (this.found.length > 0) throw this.toError(validationMessage(this.found));
  }
}
