import { parseIdentityPolicy } from '../policy/evaluate';
import type { PolicyDocument } from '../policy/types';
import { iamArn } from '../region';
import type { EmulatorState } from '../state';
import type { ManagedPolicy } from './state';

/**
 * The AWS managed policies the emulator knows, by name. AWS publishes
 * hundreds; the emulator carries the ones a caller can be expected to attach
 * here. AdministratorAccess is "Allow * on *" [doc: AWS Managed Policy
 * Reference, AdministratorAccess, version v1].
 */
const AWS_MANAGED: Record<string, { id: string; document: string }> = {
  AdministratorAccess: {
    // Its real PolicyId and dates [obs: `aws iam get-policy` / `list-policies` output quoted in public repositories].
    id: 'ANPAIWMBCKSKIEE64ZLYK',
    document: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
  },
};

/** AdministratorAccess's CreateDate and UpdateDate as AWS answers them [obs: the same outputs]. */
const AWS_MANAGED_DATE = new Date('2015-02-06T18:39:46Z');

/** `arn:<partition>:iam::aws:policy/<name>`: the account field of an AWS managed policy is `aws` [doc: IAM-UG "AWS managed policies"]. */
function awsManagedArn(region: string, name: string): string {
  return iamArn(region, 'aws', `policy/${name}`);
}

function awsManaged(region: string, name: string): ManagedPolicy | undefined {
  const known = AWS_MANAGED[name];
  if (!known) return undefined;
  return {
    policyName: name,
    policyId: known.id,
    arn: awsManagedArn(region, name),
    path: '/',
    createDate: AWS_MANAGED_DATE,
    updateDate: AWS_MANAGED_DATE,
    defaultVersionId: 'v1',
    versions: [{ versionId: 'v1', document: known.document, createDate: AWS_MANAGED_DATE }],
    tags: [],
    awsManaged: true,
  };
}

/** A managed policy by ARN: a customer managed policy of this account, or an AWS managed one the emulator knows. */
export function managedPolicyByArn(state: EmulatorState, arn: string): ManagedPolicy | undefined {
  const own = state.iam.policies.get(arn);
  if (own) return own;
  const name = /^arn:aws[\w-]*:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(arn)?.[1];
  const policy = name === undefined ? undefined : awsManaged(state.region, name);
  return policy && policy.arn === arn ? policy : undefined;
}

/** The AWS managed policies the emulator knows, for ListPolicies. */
export function awsManagedPolicies(state: EmulatorState): ManagedPolicy[] {
  return Object.keys(AWS_MANAGED).map((name) => awsManaged(state.region, name)!);
}

/** The default version's document, parsed (it was validated when created). */
export function managedPolicyDocument(policy: ManagedPolicy): PolicyDocument {
  const version = policy.versions.find((v) => v.versionId === policy.defaultVersionId)!;
  return parseIdentityPolicy(version.document);
}

/**
 * The documents of managed policies by ARN, skipping any deleted since: IAM
 * refuses to delete an attached policy, so a missing one only happens to
 * state built by hand.
 */
export function managedPolicyDocuments(state: EmulatorState, arns: readonly string[] | undefined): PolicyDocument[] {
  return (arns ?? []).flatMap((arn) => {
    const policy = managedPolicyByArn(state, arn);
    return policy ? [managedPolicyDocument(policy)] : [];
  });
}

/** How many roles have `arn` attached, and how many roles and users have it as their permissions boundary. */
export function policyUsage(state: EmulatorState, arn: string): { attachments: number; boundaries: number } {
  let attachments = 0;
  let boundaries = 0;
  for (const role of state.iam.roles.values()) {
    if (role.attachedPolicies?.includes(arn)) attachments++;
    if (role.permissionsBoundary === arn) boundaries++;
  }
  for (const user of state.iam.users.values()) if (user.permissionsBoundary === arn) boundaries++;
  return { attachments, boundaries };
}
