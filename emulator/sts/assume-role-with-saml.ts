import type { SamlProvider } from '../iam/state';
import { dataPlane } from '../iam/data-plane';
import { evaluatePolicy } from '../policy/evaluate';
import type { RequestContext } from '../service';
import { checkDurationAgainstRole } from './duration';
import { issueRoleSession } from './issue-session';
import { nameQualifier, samlDoc, subjectType } from './saml-answer';
import { readAssertion, type SamlAssertionFields } from './saml-assertion';
import * as errors from './saml-errors';
import { claimedIssuer, readSamlResponse, SamlResponseError, signedAssertion, unverifiedAssertions, type SamlResponse } from './saml-response';
import { readSessionPolicy } from './session-policy';
import type { XmlElement } from '../iam/saml-xml';
import { readSamlRequest } from './saml-request';
import { samlTags } from './session-tags';

/** Attribute names AWS reads [doc: IAM-UG "Configuring SAML assertions for the authentication response"]. */
export const SAML_ATTRIBUTES = {
  role: 'https://aws.amazon.com/SAML/Attributes/Role',
  roleSessionName: 'https://aws.amazon.com/SAML/Attributes/RoleSessionName',
  sessionDuration: 'https://aws.amazon.com/SAML/Attributes/SessionDuration',
  sourceIdentity: 'https://aws.amazon.com/SAML/Attributes/SourceIdentity',
} as const;

/** Where STS accepts assertions: the global sign-in endpoint or a regional one [doc: IAM-UG "Configuring SAML assertions"; aws-contract.md §5]. */
const SIGNIN = /^https:\/\/([a-z0-9-]+\.)?signin\.aws\.amazon\.com\/saml$/;
const AUDIENCE_URN = 'urn:amazon:webservices';
const ROLE_SESSION_NAME = /^[a-zA-Z_0-9+=,.@-]{2,64}$/;
const SOURCE_IDENTITY = /^[a-zA-Z_0-9+=,.@-]{2,64}$/;
const SESSION_DURATION = { min: 900, max: 43_200 };

function decode(samlAssertion: string): SamlResponse {
  try {
    return readSamlResponse(samlAssertion);
  } catch (err) {
    if (err instanceof SamlResponseError) throw err.reason === 'base64' ? errors.samlNotBase64() : errors.samlNotAResponse(err.message);
    throw err;
  }
}

/** The signed assertion, or under the `saml-signature-unchecked` mutant the first one, signed or not. */
function trustedAssertion(ctx: RequestContext, response: SamlResponse, provider: SamlProvider): XmlElement {
  if (ctx.state.mutants.has('saml-signature-unchecked')) {
    const first = unverifiedAssertions(response)[0];
    if (!first) throw errors.samlSignatureInvalid();
    return first;
  }
  const assertion = signedAssertion(response, provider.signingCertificates);
  if (!assertion) throw errors.samlSignatureInvalid();
  return assertion;
}

/**
 * SubjectConfirmationData must carry Recipient and NotOnOrAfter; the assertion
 * must not have expired (SubjectConfirmationData or Conditions NotOnOrAfter at
 * or before now) nor be early (NotBefore after now); Recipient must be the AWS
 * sign-in endpoint; the AudienceRestriction must name it or `urn:amazon:webservices`.
 * Answers the Recipient (the answer's `Audience`).
 */
function checkValidity(fields: SamlAssertionFields, now: Date): string {
  const confirmation = fields.confirmations.find((c) => c.recipient !== undefined && c.notOnOrAfter !== undefined);
  if (!confirmation) throw errors.samlConfirmationMissing();
  const t = now.getTime();
  const expiries = [confirmation.notOnOrAfter, fields.conditionsNotOnOrAfter].filter((d): d is Date => d !== undefined);
  if (expiries.some((d) => d.getTime() <= t)) throw errors.samlExpired();
  const starts = [confirmation.notBefore, fields.conditionsNotBefore].filter((d): d is Date => d !== undefined);
  const early = starts.find((d) => d.getTime() > t);
  if (early) throw errors.samlNotAllowed('NotBefore', early.toISOString(), `a time at or before ${now.toISOString()}`);
  const recipient = confirmation.recipient!;
  if (!SIGNIN.test(recipient)) {
    throw errors.samlNotAllowed('Recipient', recipient, 'https://signin.aws.amazon.com/saml or https://<region>.signin.aws.amazon.com/saml');
  }
  const audiences = fields.audiences ?? [];
  if (!audiences.some((a) => a === AUDIENCE_URN || SIGNIN.test(a))) {
    throw errors.samlNotAllowed('Audience', `[${audiences.join(', ')}]`, `${AUDIENCE_URN} or https://signin.aws.amazon.com/saml`);
  }
  return recipient;
}

/** The Role attribute's values are `role-arn,provider-arn` pairs; either order is accepted [obs, aws-contract.md §5]. */
function listsRole(fields: SamlAssertionFields, roleArn: string, providerArn: string): boolean {
  return (fields.attributes.get(SAML_ATTRIBUTES.role) ?? []).some((value) => {
    const parts = value.split(',').map((p) => p.trim());
    return parts.length === 2 && parts.includes(roleArn) && parts.includes(providerArn) && parts[0] !== parts[1];
  });
}

function single(fields: SamlAssertionFields, name: string): string | undefined {
  return fields.attributes.get(name)?.[0];
}

/**
 * STS AssumeRoleWithSAML (unsigned) [doc: STS-API AssumeRoleWithSAML; IAM-UG
 * "Configuring SAML assertions for the authentication response",
 * "Troubleshooting SAML 2.0 federation"; aws-contract.md §5], in this order:
 *
 * 1. shapes (ValidationError): RoleArn and PrincipalArn 20–2048, SAMLAssertion
 *    4–100000, Policy ≤2048, DurationSeconds 900–43200; the session policy parses;
 * 2. PrincipalArn names an IAM SAML provider ("Specified provider doesn't exist …");
 * 3. SAMLAssertion is base64 of a SAML Response;
 * 4. its Issuer is the provider's entityID ("Issuer not present in specified provider …");
 * 5. a signature by one of the provider's certificates covers the Response or
 *    the Assertion ("Response signature invalid"); everything after this is read
 *    from the signed content only (saml-response.ts);
 * 6. SubjectConfirmationData with Recipient and NotOnOrAfter, not expired
 *    (ExpiredTokenException), Recipient and Audience are AWS's;
 * 7. the Role attribute lists the requested role with this provider; the
 *    RoleSessionName attribute is present and valid; SessionDuration, when
 *    present, is 900–43200; SourceIdentity, when present, is valid;
 *    `PrincipalTag:<key>` and `TransitiveTagKeys` attributes are session tags
 *    (session-tags.ts);
 * 8. the role exists, and its trust policy allows `sts:AssumeRoleWithSAML` by
 *    `{"Federated": "<provider ARN>"}` with the keys `saml:aud` (Recipient),
 *    `saml:iss`, `saml:sub`, `saml:sub_type`, `saml:namequalifier`, `saml:doc`
 *    [doc: IAM-UG "Available keys for SAML-based AWS STS federation"], and
 *    `sts:SetSourceIdentity` / `sts:TagSession` when the assertion sets a source
 *    identity / session tags; a subject without NameID is refused too. Else
 *    AccessDenied (403);
 * 9. DurationSeconds (default 3600) ≤ the role's MaxSessionDuration, else
 *    ValidationError; the session lasts the shortest of DurationSeconds, the
 *    SessionDuration attribute and SessionNotOnOrAfter.
 *
 * Answers Credentials, AssumedRoleUser, Subject (NameID), SubjectType,
 * Issuer, Audience (Recipient), NameQualifier (saml-answer.ts),
 * PackedPolicySize when a session policy was passed, SourceIdentity when the
 * assertion has one.
 *
 * Mutant `saml-signature-unchecked`: step 5 is skipped.
 */
export function assumeRoleWithSAML(input: Record<string, unknown>, ctx: RequestContext) {
  const { state, now } = ctx;
  const req = readSamlRequest(input);
  const sessionPolicy = readSessionPolicy(req.policy, req.policyArns);

  const provider = dataPlane(state).samlProviderByArn(req.principalArn);
  if (!provider) throw errors.samlProviderNotFound();
  const response = decode(req.samlAssertion);
  if (claimedIssuer(response) !== provider.entityId) throw errors.samlIssuerNotInProvider();
  const fields = readAssertion(trustedAssertion(ctx, response, provider));
  if (fields.issuer !== provider.entityId) throw errors.samlIssuerNotInProvider();

  const recipient = checkValidity(fields, now);
  if (!listsRole(fields, req.roleArn, provider.arn)) throw errors.samlRoleNotInAssertion();
  const sessionName = single(fields, SAML_ATTRIBUTES.roleSessionName);
  if (sessionName === undefined) throw errors.samlRoleSessionNameMissing();
  if (!ROLE_SESSION_NAME.test(sessionName)) throw errors.samlRoleSessionNameInvalid();
  const sessionDurationText = single(fields, SAML_ATTRIBUTES.sessionDuration);
  let sessionDuration: number | undefined;
  if (sessionDurationText !== undefined) {
    sessionDuration = /^\d+$/.test(sessionDurationText) ? Number(sessionDurationText) : NaN;
    if (!(sessionDuration >= SESSION_DURATION.min && sessionDuration <= SESSION_DURATION.max)) throw errors.samlSessionDurationInvalid(sessionDurationText);
  }
  const sourceIdentity = single(fields, SAML_ATTRIBUTES.sourceIdentity);
  if (sourceIdentity !== undefined && (!SOURCE_IDENTITY.test(sourceIdentity) || sourceIdentity.toLowerCase().startsWith('aws:'))) {
    throw errors.samlSourceIdentityInvalid();
  }

  const role = dataPlane(state).roleByArn(req.roleArn);
  if (!role || !fields.nameId) throw errors.samlAccessDenied();
  const issuer = fields.issuer;
  const qualifier = nameQualifier(issuer, state.accountId, provider.name);
  const type = subjectType(fields.nameIdFormat);
  const trustRequest = (action: string) => ({
    action,
    principal: { Federated: provider.arn },
    context: {
      'saml:aud': recipient,
      'saml:iss': issuer,
      'saml:sub': fields.nameId,
      'saml:sub_type': type,
      'saml:namequalifier': qualifier,
      'saml:doc': samlDoc(state.accountId, provider.name),
    },
  });
  if (evaluatePolicy(role.trustPolicy, trustRequest('sts:AssumeRoleWithSAML')) !== 'Allow') throw errors.samlAccessDenied();
  if (sourceIdentity !== undefined && evaluatePolicy(role.trustPolicy, trustRequest('sts:SetSourceIdentity')) !== 'Allow') {
    throw errors.samlAccessDenied();
  }
  // "you must also have sts:TagSession" in the role's trust to pass session tags [doc: IAM-UG "Passing session tags using AssumeRoleWithSAML"].
  const tags = samlTags(fields.attributes);
  if (Object.keys(tags.tags).length > 0 && evaluatePolicy(role.trustPolicy, trustRequest('sts:TagSession')) !== 'Allow') throw errors.samlAccessDenied();

  const asked = checkDurationAgainstRole(req.durationSeconds, { maxSessionDuration: role.maxSessionDuration });
  const untilSessionEnd = fields.sessionNotOnOrAfter ? Math.floor((fields.sessionNotOnOrAfter.getTime() - now.getTime()) / 1000) : Infinity;
  const durationSeconds = Math.min(asked, sessionDuration ?? Infinity, untilSessionEnd);

  const session = issueRoleSession(state, {
    role,
    sessionName,
    durationSeconds,
    source: 'AssumeRoleWithSAML',
    sessionPolicy: sessionPolicy.document,
    attributes: { federatedKeys: trustRequest('sts:AssumeRoleWithSAML').context, sourceIdentity, tags: tags.tags, transitiveTagKeys: tags.transitive },
  });
  return {
    Credentials: {
      AccessKeyId: session.accessKeyId,
      SecretAccessKey: session.secretAccessKey,
      SessionToken: session.sessionToken,
      Expiration: session.expiration,
    },
    AssumedRoleUser: { AssumedRoleId: session.principal.userId, Arn: session.principal.arn },
    ...(sessionPolicy.packedPolicySize !== undefined ? { PackedPolicySize: sessionPolicy.packedPolicySize } : {}),
    Subject: fields.nameId,
    ...(type !== undefined ? { SubjectType: type } : {}),
    Issuer: issuer,
    Audience: recipient,
    NameQualifier: qualifier,
    ...(sourceIdentity !== undefined ? { SourceIdentity: sourceIdentity } : {}),
  };
}
