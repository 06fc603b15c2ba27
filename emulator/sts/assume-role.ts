import { dataPlane } from '../iam/data-plane';
import { checkTags, readTags, refuseDuplicateKeys, type Tag } from '../iam/tags';
import { Violations, type StringConstraint } from '../iam/validation';
import { queryInt } from '../protocol/aws-query';
import type { RequestContext } from '../service';
import { checkDurationAgainstRole, checkDurationSecondsRange, ROLE_SESSION_DURATION } from './duration';
import { issueRoleSession } from './issue-session';
import { checkRoleSessionName } from './session-name';
import { readSessionPolicy, SESSION_POLICY_PLAINTEXT_MAX } from './session-policy';
import { mfaNotValidated, missingAuthentication } from './sts-errors';
import { assumeDenied, requireTrust } from './trust-check';
import { optionalString } from './query-input';
import { inheritedTags, MAX_SESSION_TAGS, NO_TAGS, readTransitiveTagKeys, requestTagContext, sessionTagsFor } from './session-tags';
import { chainedSourceIdentity } from './source-identity';

// Member constraints [doc: STS-API AssumeRole; botocore sts-2011-06-15 model].
const ROLE_ARN: StringConstraint = { required: true, min: 20, max: 2048 };
const POLICY_ARN: StringConstraint = { min: 20, max: 2048 };
const POLICY: StringConstraint = { min: 1, max: 2048, pattern: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+' };
const EXTERNAL_ID: StringConstraint = { min: 2, max: 1224, pattern: '[\\w+=,.@:\\/-]*' };
const SERIAL_NUMBER: StringConstraint = { min: 9, max: 256, pattern: '[\\w+=/:,.@-]*' };
const TOKEN_CODE: StringConstraint = { min: 6, max: 6, pattern: '[\\d]*' };
const SOURCE_IDENTITY: StringConstraint = { min: 2, max: 64, pattern: '[\\w+=,.@-]*' };

/** `PolicyArns.member.N.arn` as decoded from the form. */
export function readPolicyArns(input: Record<string, unknown>): string[] {
  const raw = input.PolicyArns;
  if (!Array.isArray(raw)) return [];
  return raw.map((entry) => (entry && typeof entry === 'object' ? String((entry as Record<string, unknown>).arn ?? '') : ''));
}

export interface AssumeRoleRequest {
  roleArn: string;
  roleSessionName: string;
  policy?: string;
  policyArns: string[];
  durationSeconds?: number;
  tags: Tag[];
  transitiveTagKeys: string[];
  externalId?: string;
  serialNumber?: string;
  tokenCode?: string;
  sourceIdentity?: string;
}

/**
 * Shape validation of AssumeRole, every violation in one ValidationError (400)
 * in the order of the request shape: RoleArn 20–2048, RoleSessionName 2–64
 * `[\w+=,.@-]*`, PolicyArns, Policy ≤2048, DurationSeconds 900–43200, Tags
 * (≤50), TransitiveTagKeys (≤50), ExternalId 2–1224, SerialNumber 9–256, TokenCode 6 digits,
 * SourceIdentity 2–64 `[\w+=,.@-]*`.
 */
export function readAssumeRoleRequest(input: Record<string, unknown>): AssumeRoleRequest {
  const rawTags = readTags(input.Tags);
  const req: AssumeRoleRequest = {
    roleArn: optionalString(input, 'RoleArn') as string,
    roleSessionName: optionalString(input, 'RoleSessionName') as string,
    policy: optionalString(input, 'Policy'),
    policyArns: readPolicyArns(input),
    durationSeconds: queryInt(input, 'DurationSeconds', 'durationSeconds'),
    tags: (rawTags ?? []) as Tag[],
    transitiveTagKeys: [],
    externalId: optionalString(input, 'ExternalId'),
    serialNumber: optionalString(input, 'SerialNumber'),
    tokenCode: optionalString(input, 'TokenCode'),
    sourceIdentity: optionalString(input, 'SourceIdentity'),
  };
  const v = new Violations().string(req.roleArn, 'roleArn', ROLE_ARN);
  checkRoleSessionName(v, req.roleSessionName);
  req.policyArns.forEach((arn, i) => v.string(arn, `policyArns.${i + 1}.member.arn`, POLICY_ARN));
  v.string(req.policy, 'policy', POLICY);
  checkDurationSecondsRange(v, req.durationSeconds, ROLE_SESSION_DURATION);
  if (rawTags && rawTags.length > MAX_SESSION_TAGS) v.add(`[${rawTags.length} tags]`, 'tags', `Member must have length less than or equal to ${MAX_SESSION_TAGS}`);
  checkTags(v, rawTags);
  req.transitiveTagKeys = readTransitiveTagKeys(input, v);
  v.string(req.externalId, 'externalId', EXTERNAL_ID)
    .string(req.serialNumber, 'serialNumber', SERIAL_NUMBER)
    .string(req.tokenCode, 'tokenCode', TOKEN_CODE)
    .string(req.sourceIdentity, 'sourceIdentity', SOURCE_IDENTITY)
    .throwIfAny();
  refuseDuplicateKeys(req.tags);
  return req;
}

/**
 * PackedPolicySize with session tags: the tags' plaintext counts with the
 * policies (STS-API: "the packed size of the session policies and session tags
 * combined"; AWS's packing is undocumented). Undefined when nothing was passed
 * [obs, aws-contract.md §3].
 */
function packedSize(policySize: number | undefined, policyPlaintext: number, tags: readonly Tag[]): number | undefined {
  if (tags.length === 0) return policySize;
  const plaintext = policyPlaintext + tags.reduce((n, t) => n + t.Key.length + t.Value.length, 0);
  return Math.max(1, Math.ceil((plaintext * 100) / SESSION_POLICY_PLAINTEXT_MAX));
}

/**
 * STS AssumeRole (signed) [doc: STS-API AssumeRole; aws-contract.md §3]:
 *
 * 1. shapes (ValidationError), then the session policy parses (MalformedPolicyDocument);
 * 2. a federated user cannot call it ("Cannot call AWS STS operations except
 *    GetCallerIdentity", IAM-UG "Compare AWS STS credentials"); MFA
 *    (SerialNumber/TokenCode) cannot be validated by the emulator;
 * 3. session tags fit together (session-tags.ts: transitive keys among the Tags,
 *    no passed tag overriding an inherited transitive one) and a source identity
 *    already set is not changed (source-identity.ts);
 * 4. the role exists and trusts the caller (trust-check.ts) for `sts:AssumeRole`,
 *    for `sts:TagSession` when the session gets tags (passed or inherited) and
 *    `sts:SetSourceIdentity` when it gets a source identity — else AccessDenied (403) "User: <caller> is not
 *    authorized to perform: <action> on resource: <role arn>"; an unknown role
 *    answers the same;
 * 5. DurationSeconds: default 3600, at most the role's MaxSessionDuration, and at
 *    most 3600 when the caller is itself a role session (role chaining: "The
 *    requested DurationSeconds exceeds the 1 hour session limit for roles
 *    assumed by role chaining.").
 *
 * Trust-policy condition keys: the caller's global keys (aws:PrincipalArn,
 * aws:userid, aws:username, …), `sts:RoleSessionName`, `sts:ExternalId`,
 * `sts:SourceIdentity`, `sts:TransitiveTagKeys`, `aws:RequestTag/<key>` and `aws:TagKeys` [doc: IAM-UG
 * "IAM and AWS STS condition context keys"].
 *
 * Answers Credentials, AssumedRoleUser, PackedPolicySize only when a session
 * policy or tags were passed, SourceIdentity when the session has one (set now
 * or inherited [inferred: the inherited value is answered too]).
 *
 * Mutants: `chaining-cap-off`: a role session may ask for more than one hour;
 * `transitive-tags-dropped`: a chained session inherits no transitive tags.
 */
export function assumeRole(input: Record<string, unknown>, ctx: RequestContext) {
  const { state, now } = ctx;
  const caller = ctx.caller;
  if (!caller) throw missingAuthentication();
  const req = readAssumeRoleRequest(input);
  const sessionPolicy = readSessionPolicy(req.policy, req.policyArns);
  if (caller.kind === 'federated-user') throw assumeDenied(caller.arn, 'sts:AssumeRole', req.roleArn);
  if (req.serialNumber !== undefined || req.tokenCode !== undefined) throw mfaNotValidated();

  const role = dataPlane(state).roleByArn(req.roleArn);
  if (!role) throw assumeDenied(caller.arn, 'sts:AssumeRole', req.roleArn);
  const inherited = state.mutants.has('transitive-tags-dropped') ? NO_TAGS : inheritedTags(caller);
  const tags = sessionTagsFor(req.tags, req.transitiveTagKeys, inherited);
  const sourceIdentity = chainedSourceIdentity(caller, req.sourceIdentity);
  const context: Record<string, string | string[] | undefined> = {
    'sts:RoleSessionName': req.roleSessionName,
    'sts:ExternalId': req.externalId,
    'sts:SourceIdentity': sourceIdentity,
    'sts:TransitiveTagKeys': tags.transitive.length > 0 ? tags.transitive : undefined,
    ...requestTagContext(tags),
  };
  requireTrust(state, role, caller, 'sts:AssumeRole', context, now);
  // Inherited transitive tags are tags too: a chain carrying them needs sts:TagSession on every role
  // [obs: without it "even a plain chain was refused", mahitotsu/gekko_08 RESULTS.md; "is not authorized
  // to perform: sts:TagSession on resource: …" for a chained assume, mattrobinsonsre/terrapod#1546].
  if (Object.keys(tags.tags).length > 0) requireTrust(state, role, caller, 'sts:TagSession', context, now);
  if (sourceIdentity !== undefined) requireTrust(state, role, caller, 'sts:SetSourceIdentity', context, now);

  const chaining = caller.kind === 'assumed-role' && !state.mutants.has('chaining-cap-off');
  const durationSeconds = checkDurationAgainstRole(req.durationSeconds, { maxSessionDuration: role.maxSessionDuration, roleChaining: chaining });

  const session = issueRoleSession(state, {
    role,
    sessionName: req.roleSessionName,
    durationSeconds,
    source: 'AssumeRole',
    sessionPolicy: sessionPolicy.document,
    attributes: { tags: tags.tags, transitiveTagKeys: tags.transitive, sourceIdentity },
  });
  const policyPlaintext = (req.policy ?? '').replace(/\s/g, '').length + req.policyArns.reduce((n, a) => n + a.length, 0);
  const packed = packedSize(sessionPolicy.packedPolicySize, policyPlaintext, req.tags);
  return {
    Credentials: {
      AccessKeyId: session.accessKeyId,
      SecretAccessKey: session.secretAccessKey,
      SessionToken: session.sessionToken,
      Expiration: session.expiration,
    },
    AssumedRoleUser: { AssumedRoleId: session.principal.userId, Arn: session.principal.arn },
    ...(packed !== undefined ? { PackedPolicySize: packed } : {}),
    ...(sourceIdentity !== undefined ? { SourceIdentity: sourceIdentity } : {}),
  };
}
