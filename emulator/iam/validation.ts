import { validationError } from '../errors';
import {
  ConstraintReport,
  type ConstraintStyle,
  type IntegerConstraint as SharedIntegerConstraint,
  type StringConstraint as SharedStringConstraint,
} from '../validation/constraints';

/** Constraints of a string member, as the IAM and STS API references list them. */
export type StringConstraint = SharedStringConstraint;

export type IntegerConstraint = SharedIntegerConstraint;

/**
 * IAM and STS list a member's pattern violation before its length violations
 * and match empty strings against the pattern too [obs:
 * newscorpaus/consigliere#18, "2 validation errors detected: Value '' at
 * 'roleArn' … regular expression pattern …; Value '' at 'roleArn' … length
 * greater than or equal to 20"]. Lengths count characters, not UTF-16 units: a
 * lone emoji is one character too short for a minimum of 2.
 */
export const IAM_STS_STYLE: ConstraintStyle = { order: 'pattern-first', patternOnEmpty: true, lengthUnit: 'code-points' };

/**
 * Collects the constraint violations of one request the way IAM and STS report
 * them: `ValidationError` (400) "1 validation error detected: Value 'x' at
 * 'roleName' failed to satisfy constraint: Member must have length less than or
 * equal to 64" [obs: legion-platform/legion#530]; a missing member reads
 * "Value null at '…' … Member must not be null"; several violations are
 * counted and joined with "; ", in {@link IAM_STS_STYLE}'s order. Check members
 * in the order of the API shape.
 */
export class Violations extends ConstraintReport {
  constructor() {
    super(IAM_STS_STYLE, validationError);
  }

  string(value: string | undefined, member: string, c: StringConstraint): this {
    this.checkString(value, member, c);
    return this;
  }

  integer(value: number | undefined, member: string, c: IntegerConstraint): this {
    this.checkInteger(value, member, c);
    return this;
  }
}
