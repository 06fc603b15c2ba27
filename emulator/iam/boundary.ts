import type { RequestContext } from '../service';
import { invalidBoundary, policyNotAttachable } from './entity-errors';
import { managedPolicyByArn } from './managed-policies';

/** The shape of a managed policy ARN: `arn:<partition>:iam::<account or aws>:policy/<path><name>`. */
const POLICY_ARN_SHAPE = /^arn:aws[\w-]*:iam::(\d{12}|aws):policy\/([\u0021-\u007E]+\/)*[\w+=,.@-]+$/;

/**
 * The permissions boundary a request names (CreateRole, CreateUser,
 * Put*PermissionsBoundary): a managed policy ARN that exists. A value that
 * is not a policy ARN is InvalidParameterValue; one that names no policy is
 * NoSuchEntity [doc: IAM-API CreateRole, PermissionsBoundary: "The ARN of the
 * managed policy that is used to set the permissions boundary"].
 */
export function readBoundary(ctx: RequestContext, value: string): string {
  if (!POLICY_ARN_SHAPE.test(value)) throw invalidBoundary(value);
  if (!managedPolicyByArn(ctx.state, value)) throw policyNotAttachable(value);
  return value;
}

/** The `PermissionsBoundary` member of Role and User: the attachment type and the policy ARN (IAM-API AttachedPermissionsBoundary). */
export function boundaryShape(arn: string | undefined): Record<string, string> | undefined {
  return arn ? { PermissionsBoundaryType: 'PermissionsBoundaryPolicy', PermissionsBoundaryArn: arn } : undefined;
}
