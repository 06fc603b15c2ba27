import { AwsServiceError } from '../errors';
import { ANY_RESOURCE, requestTagMap, type OperationAccess, type ResourceRef, type ServiceAccess } from '../authz/operation-access';
import type { PolicyRequest } from '../policy/types';
import type { RequestContext } from '../service';
import { arn } from '../region';

type Input = Record<string, unknown>;

/**
 * The user pool an operation names, `arn:<partition>:cognito-idp:<region>:<acct>:userpool/<id>`
 * [doc: SAR "Actions, resources, and condition keys for Amazon Cognito User
 * Pools", resource type userpool; obs: "cognito-idp:ListUsers on resource:
 * arn:aws:cognito-idp:us-west-2:xxxxx:userpool/xxxxx", aws/chalice#529].
 * Undefined without a UserPoolId: validation answers that.
 */
function userPool(input: Input, ctx: RequestContext): ResourceRef[] | undefined {
  const id = input.UserPoolId;
  return typeof id === 'string' ? [{ arn: arn(ctx.region, 'cognito-idp', ctx.state.accountId, `userpool/${id}`) }] : undefined;
}

/** `aws:ResourceTag/<key>` of the user pool named, when it exists [doc: SAR, resource type userpool: aws:ResourceTag/${TagKey}]. */
function poolTags(input: Input, ctx: RequestContext): PolicyRequest['context'] {
  const id = input.UserPoolId;
  const pool = typeof id === 'string' ? ctx.state.idp.pools.get(id) : undefined;
  return Object.fromEntries(Object.entries(pool?.tags ?? {}).map(([k, v]) => [`aws:ResourceTag/${k}`, v]));
}

const onPool = (operation: string): OperationAccess => ({ action: `cognito-idp:${operation}`, resources: userPool, context: poolTags });

/** Client-side operations: "public, unauthenticated API operations" [doc: CG "Understanding API, OIDC, and managed login pages authentication"]. */
const UNAUTHENTICATED = 'unauthenticated user-pool API operation: no IAM authorization';

/**
 * Every user-pool operation and its action (named as the operation). Pool
 * creation and listing act on no pool and need `*` [doc: SAR, no resource
 * type for CreateUserPool and ListUserPools; obs: "cognito-idp:CreateUserPool
 * on resource: *", lgallard/terraform-aws-cognito-user-pool#116].
 */
const OPERATIONS: Record<string, OperationAccess> = {
  CreateUserPool: { action: 'cognito-idp:CreateUserPool', resources: ANY_RESOURCE, context: (input) => requestTagMap(input.UserPoolTags) },
  ListUserPools: { action: 'cognito-idp:ListUserPools', resources: ANY_RESOURCE },
  ...Object.fromEntries(
    [
      'DescribeUserPool',
      'DeleteUserPool',
      'CreateUserPoolClient',
      'DescribeUserPoolClient',
      'DeleteUserPoolClient',
      'AdminCreateUser',
      'AdminGetUser',
      'AdminDeleteUser',
      'AdminSetUserPassword',
      'AdminUpdateUserAttributes',
      'CreateGroup',
      'GetGroup',
      'DeleteGroup',
      'ListGroups',
      'AdminAddUserToGroup',
      'AdminRemoveUserFromGroup',
      'AdminListGroupsForUser',
      'AdminInitiateAuth',
      'AdminRespondToAuthChallenge',
    ].map((operation) => [operation, onPool(operation)]),
  ),
  InitiateAuth: { notChecked: UNAUTHENTICATED },
  RespondToAuthChallenge: { notChecked: UNAUTHENTICATED },
};

/**
 * A denial is `AccessDeniedException`, HTTP 400 [obs: "AccessDeniedException:
 * User: arn:aws:iam::XXXXXXXXXXXXX:user/cc/admin/guy is not authorized to
 * perform: cognito-idp:CreateUserPool on resource: * because no identity-based
 * policy allows the cognito-idp:CreateUserPool action │ status code: 400",
 * lgallard/terraform-aws-cognito-user-pool#116].
 */
export const IDP_ACCESS: ServiceAccess = {
  operations: OPERATIONS,
  denied: (message) => new AwsServiceError('AccessDeniedException', message, 400),
};
