import type { Citation } from '../../harness';
import { observed, observedAt } from '../citations';

/** The AWS pages this suite cites beyond suites/citations.ts, named as in aws-contract.md. */
export const IAM_CREATE_OIDC_PROVIDER: Citation = {
  kind: 'doc',
  ref: 'IAM-API CreateOpenIDConnectProvider (Url, ClientIDList = the accepted audiences)',
  url: 'https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateOpenIDConnectProvider.html',
};
export const IAM_OIDC_CONDITION_KEYS: Citation = {
  kind: 'doc',
  ref: 'IAM-UG "IAM and AWS STS condition context keys": available keys for AWS OIDC federation (<issuer host/path>:aud, :sub, :amr)',
  url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif',
};
export const IAM_ROLE_FOR_OIDC: Citation = {
  kind: 'doc',
  ref: 'IAM-UG "Create a role for OpenID Connect federation" (Principal Federated = the provider ARN, Action sts:AssumeRoleWithWebIdentity)',
  url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html',
};
/**
 * [obs] STS answers `Provider` = the IAM OIDC provider ARN for tokens of an
 * issuer registered with CreateOpenIDConnectProvider. STS-API says Provider
 * holds "the value of the iss field"; every recorded answer below disagrees,
 * and a recording against AWS settles it: STS_PROVIDER_OIDC_CONFLICT in
 * suites/citations.ts quotes both. (Cognito identity-pool tokens answer the
 * issuer host instead: STS_PROVIDER_CONFLICT.)
 */
export const PROVIDER_ARN_EKS_GUIDE = observedAt(
  'AssumeRoleWithWebIdentity answers "Provider": "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/…" for a token whose iss is https://oidc.eks.us-west-2.amazonaws.com/id/…',
  'Amazon EKS Best Practices Guide, Security, "IAM Roles for Service Accounts (IRSA)" sample STS answer (aws/aws-eks-best-practices content/security/docs/iam.md)',
  'https://docs.aws.amazon.com/eks/latest/best-practices/identity-and-access-management.html',
);
export const PROVIDER_ARN_SPIRE = observedAt(
  'aws sts assume-role-with-web-identity prints "Provider": "arn:aws:iam::012345678901:oidc-provider/spire-oidc.example.org" and "Audience": the token aud',
  'SPIRE documentation "OIDC Federation with AWS" (AWS CLI output)',
  'https://spiffe.io/docs/latest/keyless/oidc-federation-aws/',
);
export const PROVIDER_ARN_EKS_CLUSTER_GAMES = observedAt(
  '"Provider": "arn:aws:iam::688655246681:oidc-provider/oidc.eks.us-west-1.amazonaws.com/id/C062C207C8F50DE4EC24A372FF60E589" with "SubjectFromWebIdentityToken": the token sub',
  'AWS CLI transcripts in public write-ups of Wiz "EKS Cluster Games", challenge 5 (2023–2025)',
  'https://eksclustergames.com/',
);

export const NO_PROVIDER_OBSERVED = observed('InvalidIdentityToken "No OpenIDConnect provider found in your account for <iss>"');
/** The same message from a real EKS cluster without its IAM provider: status 400, the issuer with https://. */
export const NO_PROVIDER_STATUS_OBSERVED = observedAt(
  'InvalidIdentityToken: No OpenIDConnect provider found in your account for https://oidc.eks.us-east-1.amazonaws.com/id/…, status code: 400',
  'ExternalDNS log quoted in "AWS: EKS, OpenID Connect, and ServiceAccounts" (rtfm.co.ua, 2023)',
  'https://rtfm.co.ua/en/aws-eks-openid-connect-and-serviceaccounts/',
);
export const INCORRECT_AUDIENCE_OBSERVED = observed('InvalidIdentityToken "Incorrect token audience"');
export const MISSING_AUD_OBSERVED = observed('InvalidIdentityToken "Missing a required claim: aud"');
export const NOT_A_JWT_OBSERVED = observed(
  'InvalidIdentityToken "The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)"',
);
