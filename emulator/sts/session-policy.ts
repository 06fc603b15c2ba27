import { policySize } from '../iam/policy-size';
import { parseIdentityPolicy, type PolicyDocument } from '../policy/evaluate';

/** Inline and managed session policies share 2,048 plaintext characters [doc: STS-API AssumeRole, Policy and PolicyArns]. */
export const SESSION_POLICY_PLAINTEXT_MAX = 2048;

export interface SessionPolicy {
  /** The parsed inline policy; it narrows the role's permissions. */
  document?: PolicyDocument;
  arns: string[];
  /**
   * PackedPolicySize: "A percentage value that indicates the packed size of the
   * session policies and session tags combined" [doc: STS-API]. AWS's packing
   * is undocumented; this is the plaintext share of the 2,048-character limit,
   * at least 1. Answered only when a session policy was passed [obs,
   * aws-contract.md §3: no PackedPolicySize without one].
   */
  packedPolicySize?: number;
}

/**
 * Read the session policies of an assume call. The inline policy must parse as
 * an identity policy (MalformedPolicyDocument with IAM's messages otherwise);
 * managed policy ARNs are taken as given (the emulator has no managed policies
 * to narrow with).
 */
export function readSessionPolicy(policy: string | undefined, arns: readonly string[]): SessionPolicy {
  if (policy === undefined && arns.length === 0) return { arns: [] };
  const document = policy === undefined ? undefined : parseIdentityPolicy(policy);
  const plaintext = (policy === undefined ? 0 : policySize(policy)) + arns.reduce((n, arn) => n + arn.length, 0);
  const packedPolicySize = Math.max(1, Math.ceil((plaintext * 100) / SESSION_POLICY_PLAINTEXT_MAX));
  return { document, arns: [...arns], packedPolicySize };
}
