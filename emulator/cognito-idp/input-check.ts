import { type ConstraintStyle, type IntegerConstraint, type StringConstraint } from '../validation/constraints';
import { JsonInputCheck } from '../validation/json-input';
import { invalidParameter } from './idp-errors';

/** Constraints of a string member, as the UP-API reference lists them ("Length Constraints", "Pattern"); `sensitive` members are named without their value. */
export type StringRule = StringConstraint;

export type IntegerRule = IntegerConstraint;

/** `PasswordPolicy.MinimumLength` → `passwordPolicy.minimumLength`, the member path AWS names in messages. */
export function memberPath(wireName: string): string {
  return wireName
    .split('.')
    .map((part) => part.charAt(0).toLowerCase() + part.slice(1))
    .join('.');
}

/**
 * User pools list a member's length violations before its pattern violation:
 * "4 validation errors detected: Value at 'password' failed to satisfy
 * constraint: Member must have length greater than or equal to 6; Value at
 * 'password' failed to satisfy constraint: Member must satisfy regular
 * expression pattern: [\S]+; Value at 'username' … length greater than or equal
 * to 1; Value at 'username' … regular expression pattern: …" [obs:
 * amazon-archives/amazon-cognito-identity-js#388, AWS's answer quoted].
 * Empty strings are not matched against the pattern and lengths count UTF-16
 * units (this emulator's behaviour so far; note the #388 answer also reports
 * the pattern for what looks like an empty username — unconfirmed).
 */
export const USER_POOLS_STYLE: ConstraintStyle = { order: 'length-first', patternOnEmpty: false, lengthUnit: 'utf-16' };

/**
 * Collects constraint violations the way Cognito's front end reports them:
 * `InvalidParameterException` "1 validation error detected: Value 'x' at
 * 'userPoolId' failed to satisfy constraint: Member must satisfy regular
 * expression pattern: [\w-]+_[0-9a-zA-Z]+" [obs: anomalyco/guide#127,
 * aws/aws-sdk-js#3344]; several violations are counted and joined with "; ",
 * and sensitive members read "Value at 'password' …" [obs: public client code
 * matching "2 validation errors detected: Value at 'password' failed to
 * satisfy constraint: …; Value at 'password' …"]. Members are passed by their
 * wire name (`PasswordPolicy.MinimumLength`) and named by {@link memberPath}.
 */
export class InputCheck extends JsonInputCheck {
  constructor() {
    super({ style: USER_POOLS_STYLE, toError: invalidParameter, memberName: memberPath });
  }
}
