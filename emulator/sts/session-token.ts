import { Violations, type StringConstraint } from '../iam/validation';
import { queryInt } from '../protocol/aws-query';
import type { RequestContext } from '../service';
import { checkDurationSecondsRange, USER_SESSION_DURATION, userSessionDuration } from './duration';
import { issueUserSession } from './issue-session';
import { mfaNotValidated, missingAuthentication, sessionCredentialsRefused } from './sts-errors';
import { optionalString } from './query-input';

// [doc: STS-API GetSessionToken; botocore sts model: serialNumberType 9–256, tokenCodeType 6 digits].
const SERIAL_NUMBER: StringConstraint = { min: 9, max: 256, pattern: '[\\w+=/:,.@-]*' };
const TOKEN_CODE: StringConstraint = { min: 6, max: 6, pattern: '[\\d]*' };

/**
 * STS GetSessionToken (signed, long-term credentials of an IAM user or the
 * root user) [doc: STS-API GetSessionToken; IAM-UG "Permissions for
 * GetSessionToken"; aws-contract.md §3]:
 * - DurationSeconds 900–129600, default 43200; the root user gets at most 3600, silently;
 * - session credentials → AccessDenied (403) "Cannot call GetSessionToken with session credentials";
 * - SerialNumber/TokenCode: the emulator has no MFA devices, so MFA never validates;
 * - answers Credentials only. The credentials act as the caller (GetCallerIdentity
 *   answers the user's ARN) but IAM refuses them without MFA (iam/session-credentials.ts).
 */
export function getSessionToken(input: Record<string, unknown>, ctx: RequestContext) {
  const caller = ctx.caller;
  if (!caller) throw missingAuthentication();
  const durationSeconds = queryInt(input, 'DurationSeconds', 'durationSeconds');
  const serialNumber = optionalString(input, 'SerialNumber');
  const tokenCode = optionalString(input, 'TokenCode');
  const v = new Violations();
  checkDurationSecondsRange(v, durationSeconds, USER_SESSION_DURATION);
  v.string(serialNumber, 'serialNumber', SERIAL_NUMBER).string(tokenCode, 'tokenCode', TOKEN_CODE).throwIfAny();

  if (caller.kind === 'assumed-role' || caller.kind === 'federated-user' || ctx.state.iam.sessionTokenPrincipals.has(caller)) {
    throw sessionCredentialsRefused('GetSessionToken');
  }
  if (serialNumber !== undefined || tokenCode !== undefined) throw mfaNotValidated();
  const session = issueUserSession(ctx.state, caller, userSessionDuration(durationSeconds, caller.kind === 'root'));
  return {
    Credentials: {
      AccessKeyId: session.accessKeyId,
      SecretAccessKey: session.secretAccessKey,
      SessionToken: session.sessionToken,
      Expiration: session.expiration,
    },
  };
}
