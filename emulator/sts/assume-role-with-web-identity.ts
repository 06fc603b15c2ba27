import { validationError } from '../errors';
import { dataPlane } from '../iam/data-plane';
import { Violations } from '../iam/validation';
import { lengthViolations, NOT_NULL, validationMessage, violationText } from '../validation/constraints';
import { evaluatePolicy } from '../policy/evaluate';
import { queryInt } from '../protocol/aws-query';
import type { RequestContext } from '../service';
import { checkDurationAgainstRole, checkDurationSecondsRange, ROLE_SESSION_DURATION } from './duration';
import { issueRoleSession } from './issue-session';
import { checkRoleSessionName } from './session-name';
import { readSessionPolicy } from './session-policy';
import { webIdentityAccessDenied } from './sts-errors';
import type { IssuerResolver } from './web-identity-issuer';
import { verifyWebIdentityToken } from './web-identity-token';
import { optionalString } from './query-input';
import { webIdentityTags } from './session-tags';

/** Shapes of the request [doc: STS-API AssumeRoleWithWebIdentity; botocore sts-2011-06-15 model]. */
const SHAPES = {
  roleArn: { required: true, min: 20, max: 2048 },
  webIdentityToken: { min: 4, max: 20000 },
  providerId: { min: 4, max: 2048 },
  policy: { min: 1, max: 2048 },
  policyArn: { min: 20, max: 2048 },
} as const;

/** The claim an OIDC token names a source identity in [doc: STS-API AssumeRoleWithWebIdentity, SourceIdentity; IAM-UG "Monitor and control actions taken with assumed roles"]. */
export const SOURCE_IDENTITY_CLAIM = 'https://aws.amazon.com/source_identity';

interface WebIdentityRequest {
  roleArn: string;
  roleSessionName: string;
  webIdentityToken: string;
  policy?: string;
  policyArns: string[];
  durationSeconds?: number;
}

function policyArnsOf(input: Record<string, unknown>): string[] {
  const raw = input.PolicyArns;
  if (!Array.isArray(raw)) return [];
  return raw.map((entry) => (entry && typeof entry === 'object' ? String((entry as Record<string, unknown>).arn ?? '') : ''));
}

/**
 * Shape validation, every violation in one ValidationError (400) in the order
 * of the request shape. The token is a secret: its violation names the member
 * without the value, as the identity service does for Logins [wording undocumented].
 *
 * @param checkDurationRange false under the `duration-bounds-off` mutant.
 */
export function readWebIdentityRequest(input: Record<string, unknown>, checkDurationRange = true): WebIdentityRequest {
  const durationSeconds = queryInt(input, 'DurationSeconds', 'durationSeconds');
  const req: WebIdentityRequest = {
    roleArn: optionalString(input, 'RoleArn') as string,
    roleSessionName: optionalString(input, 'RoleSessionName') as string,
    webIdentityToken: optionalString(input, 'WebIdentityToken') as string,
    policy: optionalString(input, 'Policy'),
    policyArns: policyArnsOf(input),
    durationSeconds,
  };

  const head = new Violations().string(req.roleArn, 'roleArn', SHAPES.roleArn);
  checkRoleSessionName(head, req.roleSessionName);
  const token = req.webIdentityToken;
  // The token is sensitive ("Value at 'webIdentityToken' …") and its length counts UTF-16 units.
  const tokenProblems =
    token === undefined
      ? [violationText(token, 'webIdentityToken', NOT_NULL)]
      : lengthViolations(token.length, SHAPES.webIdentityToken).map((c) => violationText(token, 'webIdentityToken', c, true));
  const tail = new Violations().string(optionalString(input, 'ProviderId'), 'providerId', SHAPES.providerId);
  req.policyArns.forEach((arn, i) => tail.string(arn, `policyArns.${i + 1}.member.arn`, SHAPES.policyArn));
  tail.string(req.policy, 'policy', SHAPES.policy);
  if (checkDurationRange) checkDurationSecondsRange(tail, durationSeconds, ROLE_SESSION_DURATION);

  const all = [...head.messages, ...tokenProblems, ...tail.messages];
  if (all.length > 0) throw validationError(validationMessage(all));
  return req;
}

/**
 * STS AssumeRoleWithWebIdentity (unsigned: "Calling AssumeRoleWithWebIdentity
 * does not require the use of AWS security credentials") [doc: STS-API]:
 *
 * 1. shapes (ValidationError): RoleArn 20–2048, RoleSessionName 2–64
 *    `[\w+=,.@-]*`, WebIdentityToken 4–20000, DurationSeconds 900–43200; then
 *    the session policy parses (session-policy.ts, MalformedPolicyDocument);
 * 2. the token (web-identity-token.ts): InvalidIdentityToken or ExpiredTokenException;
 * 3. the role exists and its trust policy allows `sts:AssumeRoleWithWebIdentity`
 *    by the issuer's federated principal with the token's condition keys (and
 *    `sts:TagSession` when the token's `https://aws.amazon.com/tags` claim
 *    passes session tags, session-tags.ts), else
 *    AccessDenied (403) "Not authorized to perform sts:AssumeRoleWithWebIdentity"
 *    — an unknown role answers the same, AWS does not reveal which roles exist [undocumented];
 * 4. DurationSeconds against the role's MaxSessionDuration ("The requested
 *    DurationSeconds exceeds the MaxSessionDuration set for this role."), default 3600.
 *
 * Answers Credentials (with `SecretAccessKey`), SubjectFromWebIdentityToken
 * (`sub`), AssumedRoleUser (`<RoleId>:<session>`, the assumed-role ARN),
 * Provider and Audience, PackedPolicySize only when a session policy was
 * passed, SourceIdentity when the token carries one.
 *
 * Mutant `duration-bounds-off`: DurationSeconds is neither range- nor role-checked.
 */
export async function assumeRoleWithWebIdentity(input: Record<string, unknown>, ctx: RequestContext, issuers: readonly IssuerResolver[]) {
  const { state, now } = ctx;
  const boundsOff = state.mutants.has('duration-bounds-off');
  const req = readWebIdentityRequest(input, !boundsOff);
  const sessionPolicy = readSessionPolicy(req.policy, req.policyArns);
  const identity = await verifyWebIdentityToken(state, req.webIdentityToken, now, issuers);

  const role = dataPlane(state).roleByArn(req.roleArn);
  if (!role) throw webIdentityAccessDenied();
  const trust = identity.issuer.trustRequest(identity.claims);
  if (evaluatePolicy(role.trustPolicy, trust) !== 'Allow') throw webIdentityAccessDenied();
  const sourceIdentity = identity.claims[SOURCE_IDENTITY_CLAIM];
  // Tags in the token need sts:TagSession in the trust [doc: IAM-UG "Passing session tags using
  // AssumeRoleWithWebIdentity"]; the refusal's wording is AssumeRoleWithWebIdentity's own [inferred].
  const tags = webIdentityTags(identity.claims);
  if (Object.keys(tags.tags).length > 0 && evaluatePolicy(role.trustPolicy, { ...trust, action: 'sts:TagSession' }) !== 'Allow') throw webIdentityAccessDenied();

  const durationSeconds = boundsOff
    ? (req.durationSeconds ?? ROLE_SESSION_DURATION.default)
    : checkDurationAgainstRole(req.durationSeconds, { maxSessionDuration: role.maxSessionDuration });

  const session = issueRoleSession(state, {
    role,
    sessionName: req.roleSessionName,
    durationSeconds,
    source: 'AssumeRoleWithWebIdentity',
    sessionPolicy: sessionPolicy.document,
    // The token's keys stay usable in the role's policies, e.g. ${cognito-identity.amazonaws.com:sub}.
    attributes: {
      federatedKeys: trust.context,
      sourceIdentity: typeof sourceIdentity === 'string' ? sourceIdentity : undefined,
      tags: tags.tags,
      transitiveTagKeys: tags.transitive,
    },
  });
  if (session.principal.kind !== 'assumed-role') throw new Error('issueRoleSession must answer an assumed-role principal');

  // Member order of the STS-API example response.
  return {
    SubjectFromWebIdentityToken: identity.subject,
    Audience: identity.audience,
    AssumedRoleUser: { Arn: session.principal.arn, AssumedRoleId: session.principal.userId },
    Credentials: {
      SessionToken: session.sessionToken,
      SecretAccessKey: session.secretAccessKey,
      Expiration: session.expiration,
      AccessKeyId: session.accessKeyId,
    },
    ...(sessionPolicy.packedPolicySize !== undefined ? { PackedPolicySize: sessionPolicy.packedPolicySize } : {}),
    ...(typeof sourceIdentity === 'string' ? { SourceIdentity: sourceIdentity } : {}),
    Provider: identity.issuer.provider,
  };
}
