import type { StringRule } from './input-check';

// Member constraints from the UP-API reference (each data type's "Length
// Constraints" / "Pattern" / "Valid Range"); the patterns are printed in
// error messages exactly as written here.

const NAME_CHARS = '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+';

/** [doc: UP-API UserPoolClientDescription] 1–55, `[\w-]+_[0-9a-zA-Z]+` */
export const USER_POOL_ID: StringRule = { required: true, min: 1, max: 55, pattern: '[\\w-]+_[0-9a-zA-Z]+' };
/** [doc: UP-API UserPoolClientDescription] 1–128, `[\w+]+` */
export const CLIENT_ID: StringRule = { required: true, min: 1, max: 128, pattern: '[\\w+]+' };
/** [doc: UP-API UserPoolClientDescription] 1–128, `[\w\s+=,.@-]+` */
export const CLIENT_NAME: StringRule = { required: true, min: 1, max: 128, pattern: '[\\w\\s+=,.@-]+' };
/** [doc: UP-API CreateUserPool PoolName] same shape as a client name. */
export const POOL_NAME: StringRule = { required: true, min: 1, max: 128, pattern: '[\\w\\s+=,.@-]+' };
/** [doc: UP-API AdminCreateUser Username] 1–128, sensitive. */
export const USERNAME: StringRule = { required: true, min: 1, max: 128, pattern: NAME_CHARS, sensitive: true };
/**
 * Passwords: at most 256, no leading or trailing whitespace, sensitive.
 * [obs: "Value at 'password' failed to satisfy constraint: Member must satisfy
 * regular expression pattern: ^[\S]+.*[\S]+$" in public client code]
 */
export const PASSWORD: StringRule = { max: 256, pattern: '^[\\S]+.*[\\S]+$', sensitive: true };
/** [doc: UP-API CreateGroup GroupName] 1–128, `[\p{L}\p{M}\p{S}\p{N}\p{P}]+` */
export const GROUP_NAME: StringRule = { required: true, min: 1, max: 128, pattern: NAME_CHARS };
/** [doc: UP-API CreateGroup Description] at most 2048. */
export const DESCRIPTION: StringRule = { max: 2048 };
/** [doc: UP-API CreateGroup RoleArn] 20–2048, the generic ARN pattern (ArnType). */
export const ROLE_ARN: StringRule = {
  min: 20,
  max: 2048,
  pattern: 'arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?',
};
/** [doc: UP-API CreateGroup Precedence] 0 … 2^31−1 ("The maximum Precedence value is 2^31-1"). */
export const PRECEDENCE = { min: 0, max: 2147483647 };
/** [doc: UP-API AttributeType Name] 1–32. */
export const ATTRIBUTE_NAME: StringRule = { required: true, min: 1, max: 32, pattern: NAME_CHARS };
/** [doc: UP-API AttributeType Value] at most 2048, sensitive. */
export const ATTRIBUTE_VALUE: StringRule = { max: 2048, sensitive: true };
/** [doc: UP-API SchemaAttributeType Name] 1–20 (custom attribute names, without `custom:`). */
export const SCHEMA_ATTRIBUTE_NAME: StringRule = { required: true, min: 1, max: 20, pattern: NAME_CHARS };
/** [doc: UP-API ListGroups NextToken] `[\S]+` */
export const PAGINATION_KEY: StringRule = { min: 1, pattern: '[\\S]+' };
/** [doc: UP-API UserPoolTagsType] keys 1–128, values 0–256, at most 50 tags. */
export const TAG_KEY: StringRule = { min: 1, max: 128, pattern: '^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$' };
export const TAG_VALUE: StringRule = { min: 0, max: 256, pattern: '^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$' };

export const AUTH_FLOWS = [
  'USER_SRP_AUTH',
  'REFRESH_TOKEN_AUTH',
  'REFRESH_TOKEN',
  'CUSTOM_AUTH',
  'ADMIN_NO_SRP_AUTH',
  'USER_PASSWORD_AUTH',
  'ADMIN_USER_PASSWORD_AUTH',
  'USER_AUTH',
] as const;
export type AuthFlow = (typeof AUTH_FLOWS)[number];

export const EXPLICIT_AUTH_FLOWS = [
  'ADMIN_NO_SRP_AUTH',
  'CUSTOM_AUTH_FLOW_ONLY',
  'USER_PASSWORD_AUTH',
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_CUSTOM_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_USER_AUTH',
] as const;

export const CHALLENGE_NAMES = [
  'SMS_MFA',
  'EMAIL_OTP',
  'SOFTWARE_TOKEN_MFA',
  'SELECT_MFA_TYPE',
  'MFA_SETUP',
  'PASSWORD_VERIFIER',
  'CUSTOM_CHALLENGE',
  'SELECT_CHALLENGE',
  'DEVICE_SRP_AUTH',
  'DEVICE_PASSWORD_VERIFIER',
  'ADMIN_NO_SRP_AUTH',
  'NEW_PASSWORD_REQUIRED',
  'SMS_OTP',
  'PASSWORD',
  'WEB_AUTHN',
  'PASSWORD_SRP',
] as const;

export const TIME_UNITS = ['seconds', 'minutes', 'hours', 'days'] as const;
