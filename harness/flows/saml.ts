import { AssumeRoleWithSAMLCommand, type STSClient } from '@aws-sdk/client-sts';
import type { Credentials } from '../targets/target';
import { assumedRoleUserOf, stsCredentials } from './sts-credentials';

export interface SamlRequest {
  roleArn: string;
  /** The IAM SAML provider's ARN. */
  principalArn: string;
  /** Base64 of the signed Response, 4–100000 characters. Never written anywhere. */
  samlAssertion: string;
  durationSeconds?: number;
}

export interface SamlResult {
  credentials: Credentials & { expiration: Date };
  assumedRoleUser?: { arn?: string; assumedRoleId?: string };
  subject?: string;
  subjectType?: string;
  issuer?: string;
  audience?: string;
  nameQualifier?: string;
  packedPolicySize?: number;
}

/** STS AssumeRoleWithSAML: an IdP's signed assertion for credentials of a role it lists (STS-API AssumeRoleWithSAML). */
export async function assumeRoleWithSaml(sts: STSClient, req: SamlRequest): Promise<SamlResult> {
  const answer = await sts.send(
    new AssumeRoleWithSAMLCommand({ RoleArn: req.roleArn, PrincipalArn: req.principalArn, SAMLAssertion: req.samlAssertion, DurationSeconds: req.durationSeconds }),
  );
  return {
    credentials: stsCredentials('AssumeRoleWithSAML', answer.Credentials),
    assumedRoleUser: assumedRoleUserOf(answer.AssumedRoleUser),
    subject: answer.Subject,
    subjectType: answer.SubjectType,
    issuer: answer.Issuer,
    audience: answer.Audience,
    nameQualifier: answer.NameQualifier,
    packedPolicySize: answer.PackedPolicySize,
  };
}
