import { Violations, type StringConstraint } from '../iam/validation';
import { queryInt } from '../protocol/aws-query';
import type { RequestContext } from '../service';
import { readPolicyArns } from './assume-role';
import { checkDurationSecondsRange, USER_SESSION_DURATION, userSessionDuration } from './duration';
import { issueFederatedSession } from './issue-session';
import { readSessionPolicy } from './session-policy';
import { missingAuthentication, sessionCredentialsRefused } from './sts-errors';
import { optionalString } from './query-input';
import { accessDeniedMessage, authorize } from '../authz/authorize';
import { stsArn } from '../region';
import { STS_ACCESS } from './permissions';

// [doc: STS-API GetFederationToken; botocore sts model: userNameType 2–32 `[\w+=,.@-]*`, sessionPolicyDocumentType ≤2048].
const NAME: StringConstraint = { required: true, min: 2, max: 32, pattern: '[\\w+=,.@-]*' };
const POLICY: StringConstraint = { min: 1, max: 2048, pattern: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+' };
const POLICY_ARN: StringConstraint = { min: 20, max: 2048 };

/**
 * STS GetFederationToken (signed, long-term credentials of an IAM user or the
 * root user) [doc: STS-API GetFederationToken; IAM-UG "Permissions for
 * GetFederationToken"; aws-contract.md §3]:
 * - Name 2–32 `[\w+=,.@-]*`, DurationSeconds 900–129600 (default 43200; the root
 *   user gets at most 3600, silently), Policy ≤2048 — ValidationError otherwise;
 * - session credentials (a role session, a federated user, GetSessionToken's)
 *   → AccessDenied (403) "Cannot call GetFederationToken with session credentials";
 * - the session's permissions are the user's AND the session policy; without
 *   a policy it has none (authz/principal-policies.ts);
 * - the user needs `sts:GetFederationToken` on `arn:aws:sts::<acct>:federated-user/<name>`;
 * - answers Credentials, FederatedUser {FederatedUserId `<acct>:<name>`, Arn
 *   `arn:aws:sts::<acct>:federated-user/<name>`} and PackedPolicySize, 0 when no
 *   policy was passed [obs, aws-contract.md §3].
 */
export function getFederationToken(input: Record<string, unknown>, ctx: RequestContext) {
  const caller = ctx.caller;
  if (!caller) throw missingAuthentication();
  const name = optionalString(input, 'Name');
  const policy = optionalString(input, 'Policy');
  const policyArns = readPolicyArns(input);
  const durationSeconds = queryInt(input, 'DurationSeconds', 'durationSeconds');
  const v = new Violations().string(name, 'name', NAME).string(policy, 'policy', POLICY);
  policyArns.forEach((arn, i) => v.string(arn, `policyArns.${i + 1}.member.arn`, POLICY_ARN));
  checkDurationSecondsRange(v, durationSeconds, USER_SESSION_DURATION).throwIfAny();
  const sessionPolicy = readSessionPolicy(policy, policyArns);

  if (caller.kind === 'assumed-role' || caller.kind === 'federated-user' || ctx.state.iam.sessionTokenPrincipals.has(caller)) {
    throw sessionCredentialsRefused('GetFederationToken');
  }
  // The user needs sts:GetFederationToken on the federated user it names [doc: IAM-UG "Permissions for GetFederationToken"].
  const federatedUser = stsArn(ctx.state.region, ctx.state.accountId, `federated-user/${name}`);
  const outcome = authorize(ctx.state, caller, { action: 'sts:GetFederationToken', resource: federatedUser, now: ctx.now });
  if (outcome.decision !== 'Allow') throw STS_ACCESS.denied(accessDeniedMessage(caller.arn, 'sts:GetFederationToken', federatedUser, outcome));
  const session = issueFederatedSession(ctx.state, {
    name: name!,
    durationSeconds: userSessionDuration(durationSeconds, caller.kind === 'root'),
    sessionPolicy: sessionPolicy.document,
    federatedBy: caller.kind === 'user' ? caller.userName : undefined,
  });
  return {
    Credentials: {
      AccessKeyId: session.accessKeyId,
      SecretAccessKey: session.secretAccessKey,
      SessionToken: session.sessionToken,
      Expiration: session.expiration,
    },
    FederatedUser: { FederatedUserId: session.principal.userId, Arn: session.principal.arn },
    PackedPolicySize: sessionPolicy.packedPolicySize ?? 0,
  };
}
