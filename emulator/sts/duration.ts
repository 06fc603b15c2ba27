import { validationError } from '../errors';
import { Violations } from '../iam/validation';

/** Role sessions: 900 s to 12 h whatever the role allows (STS-API AssumeRole, DurationSeconds). */
export const ROLE_SESSION_DURATION = { min: 900, max: 43_200, default: 3_600 } as const;
/** Role chaining caps the session at one hour (STS-API AssumeRole; aws-contract.md §3). */
export const ROLE_CHAINING_MAX_SECONDS = 3_600;

// [obs: aws-contract.md §3; kreuzwerker/awsu#27]
const EXCEEDS_ROLE_MAX = 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.';
// [doc: re:Post knowledge center, aws-contract.md §3]
const EXCEEDS_CHAINING = 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.';

/**
 * The model constraint on `DurationSeconds`, checked before anything about the
 * role: below 900 → "… Member must have value greater than or equal to 900"
 * (aws-contract.md §3), above the operation's maximum → "… Member must have
 * value less than or equal to 43200" [obs: Hadoop S3A assumed-roles docs,
 * "Value '345600' at 'durationSeconds' failed to satisfy constraint: Member must
 * have value less than or equal to 43200"]. Add to `violations` so a request
 * with several bad members reports them together.
 */
export function checkDurationSecondsRange(
  violations: Violations,
  value: number | undefined,
  range: { min: number; max: number } = ROLE_SESSION_DURATION,
): Violations {
  return violations.integer(value, 'durationSeconds', range);
}

export interface RoleDurationLimits {
  /** The role's MaxSessionDuration, 3600–43200 (IAM-API CreateRole). */
  maxSessionDuration: number;
  /** True when the caller is itself a role session (role chaining). */
  roleChaining?: boolean;
}

/**
 * Validate the `DurationSeconds` of AssumeRole, AssumeRoleWithWebIdentity or
 * AssumeRoleWithSAML and return the session length: the value asked for, or
 * 3600 s when none is given. Throws `ValidationError` (400) with AWS's message:
 * the model range first, then the role-chaining cap, then the role's
 * MaxSessionDuration.
 */
export function resolveRoleSessionDuration(value: number | undefined, limits: RoleDurationLimits): number {
  checkDurationSecondsRange(new Violations(), value).throwIfAny();
  return checkDurationAgainstRole(value, limits);
}

/**
 * The role-dependent half of {@link resolveRoleSessionDuration}, for callers
 * that already reported the model range together with other members.
 */
export function checkDurationAgainstRole(value: number | undefined, limits: RoleDurationLimits): number {
  if (value === undefined) return ROLE_SESSION_DURATION.default;
  if (limits.roleChaining && value > ROLE_CHAINING_MAX_SECONDS) throw validationError(EXCEEDS_CHAINING);
  if (value > limits.maxSessionDuration) throw validationError(EXCEEDS_ROLE_MAX);
  return value;
}

/**
 * GetFederationToken and GetSessionToken: 900 s to 36 h, default 12 h; for the
 * root user at most one hour, and a longer request silently becomes one hour
 * [doc: STS-API GetFederationToken and GetSessionToken, DurationSeconds; aws-contract.md §3].
 */
export const USER_SESSION_DURATION = { min: 900, max: 129_600, default: 43_200 } as const;
export const ROOT_SESSION_MAX_SECONDS = 3_600;

/** The session length of GetFederationToken/GetSessionToken, after the model range was checked. */
export function userSessionDuration(value: number | undefined, callerIsRoot: boolean): number {
  const asked = value ?? USER_SESSION_DURATION.default;
  return callerIsRoot ? Math.min(asked, ROOT_SESSION_MAX_SECONDS) : asked;
}
