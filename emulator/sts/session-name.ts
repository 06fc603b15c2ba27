import { Violations } from '../iam/validation';

/** `RoleSessionName`: 2–64 characters of `[\w+=,.@-]*` (STS-API AssumeRole). */
export const ROLE_SESSION_NAME = { required: true, min: 2, max: 64, pattern: '[\\w+=,.@-]*' } as const;

/**
 * Add the violations of a RoleSessionName to `violations`, in AWS's order:
 * the pattern, then the length. E.g. "Value 'Session1:2' at 'roleSessionName'
 * failed to satisfy constraint: Member must satisfy regular expression pattern:
 * [\w+=,.@-]*" (aws-contract.md §3, recorded against AWS); a missing name reads
 * "Value null at 'roleSessionName' failed to satisfy constraint: Member must not
 * be null".
 */
export function checkRoleSessionName(violations: Violations, value: string | undefined): Violations {
  return violations.string(value, 'roleSessionName', ROLE_SESSION_NAME);
}

/** Validate a RoleSessionName on its own; throws `ValidationError` (400). */
export function validateRoleSessionName(value: string | undefined): string {
  checkRoleSessionName(new Violations(), value).throwIfAny();
  return value as string;
}
