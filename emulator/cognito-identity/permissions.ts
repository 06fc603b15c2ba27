import { AwsServiceError } from '../errors';
import { ANY_RESOURCE, requestTagMap, type OperationAccess, type Permission, type ResourceRef, type ServiceAccess } from '../authz/operation-access';
import type { RequestContext } from '../service';
import { arn, regionFacts } from '../region';
import type { PolicyRequest } from '../policy/types';

type Input = Record<string, unknown>;

/**
 * The identity pool an operation names, `arn:<partition>:cognito-identity:<region>:<acct>:identitypool/<id>`
 * [doc: SAR "Actions, resources, and condition keys for Amazon Cognito
 * Identity", resource type identitypool]. ListIdentityPools acts on no pool
 * and AWS shows `…:identitypool/` [obs: "cognito-identity:ListIdentityPools on
 * resource: arn:aws:cognito-identity:eu-west-1:463038042756:identitypool/ with
 * an explicit deny", hashicorp/terraform-provider-aws#15773].
 */
function poolArn(ctx: RequestContext, id: string): string {
  return arn(ctx.region, 'cognito-identity', ctx.state.accountId, `identitypool/${id}`);
}

function identityPool(input: Input, ctx: RequestContext): ResourceRef[] | undefined {
  const id = input.IdentityPoolId;
  return typeof id === 'string' ? [{ arn: poolArn(ctx, id) }] : undefined;
}

/** `aws:ResourceTag/<key>` of the identity pool named [doc: SAR, resource type identitypool: aws:ResourceTag/${TagKey}]. */
function poolTags(input: Input, ctx: RequestContext): PolicyRequest['context'] {
  const id = input.IdentityPoolId;
  const pool = typeof id === 'string' ? ctx.state.identity.pools.get(id) : undefined;
  return Object.fromEntries(Object.entries(pool?.IdentityPoolTags ?? {}).map(([k, v]) => [`aws:ResourceTag/${k}`, v]));
}

const onPool = (operation: string, also?: Permission['also']): Permission => ({ action: `cognito-identity:${operation}`, resources: identityPool, context: poolTags, also });

/** The role ARNs a SetIdentityPoolRoles call hands to Cognito: its default roles and its rules' roles. */
function rolesPassed(input: Input): string[] {
  const arns = new Set<string>();
  const roles = input.Roles;
  if (roles && typeof roles === 'object') for (const arn of Object.values(roles)) if (typeof arn === 'string') arns.add(arn);
  const mappings = input.RoleMappings;
  if (mappings && typeof mappings === 'object') {
    for (const mapping of Object.values(mappings)) {
      const rules = (mapping as { RulesConfiguration?: { Rules?: unknown } } | null)?.RulesConfiguration?.Rules;
      if (Array.isArray(rules)) for (const rule of rules) if (typeof rule?.RoleARN === 'string') arns.add(rule.RoleARN);
    }
  }
  return [...arns];
}

/**
 * SetIdentityPoolRoles hands roles to Cognito, so the caller needs
 * `iam:PassRole` on each, with `iam:PassedToService` the Cognito identity
 * service principal [doc: aws-contract.md §2 "caller needs iam:PassRole";
 * IAM-UG "iam:PassedToService"; obs: "is not authorized to perform:
 * iam:PassRole on resource: arn:aws:iam::8XXXXXXXXX:role/DeveloperPortal-CognitoAuthenticatedRole-6XXXXXXX",
 * code AccessDeniedException, from a custom resource calling SetIdentityPoolRoles,
 * awslabs/aws-api-gateway-developer-portal#11].
 */
function passRoles(input: Input): Permission[] {
  return [
    {
      action: 'iam:PassRole',
      resources: () => rolesPassed(input).map((arn) => ({ arn })),
      // The service principal Cognito passes roles to; the Region's (region.ts) outside the default Regions [inferred].
      context: (_input, ctx) => ({ 'iam:PassedToService': regionFacts(ctx.region).identityPrincipal }),
    },
  ];
}

/** "This is a public API. You do not need any credentials to call this API." [doc: CI-API GetId and the others]. */
const PUBLIC = 'CI-API: a public API that needs no credentials';

/**
 * Every identity-pool operation and its action (named as the operation).
 * CreateIdentityPool, DescribeIdentity and DeleteIdentities have no resource
 * type and need `*` [doc: SAR].
 */
const OPERATIONS: Record<string, OperationAccess> = {
  CreateIdentityPool: { action: 'cognito-identity:CreateIdentityPool', resources: ANY_RESOURCE, context: (input) => requestTagMap(input.IdentityPoolTags) },
  ListIdentityPools: { action: 'cognito-identity:ListIdentityPools', resources: (_input, ctx) => [{ arn: poolArn(ctx, '') }] },
  DescribeIdentityPool: onPool('DescribeIdentityPool'),
  UpdateIdentityPool: onPool('UpdateIdentityPool'),
  DeleteIdentityPool: onPool('DeleteIdentityPool'),
  SetIdentityPoolRoles: onPool('SetIdentityPoolRoles', passRoles),
  GetIdentityPoolRoles: onPool('GetIdentityPoolRoles'),
  SetPrincipalTagAttributeMap: onPool('SetPrincipalTagAttributeMap'),
  GetPrincipalTagAttributeMap: onPool('GetPrincipalTagAttributeMap'),
  GetOpenIdTokenForDeveloperIdentity: onPool('GetOpenIdTokenForDeveloperIdentity'),
  LookupDeveloperIdentity: onPool('LookupDeveloperIdentity'),
  UnlinkDeveloperIdentity: onPool('UnlinkDeveloperIdentity'),
  ListIdentities: onPool('ListIdentities'),
  DescribeIdentity: { action: 'cognito-identity:DescribeIdentity', resources: ANY_RESOURCE },
  DeleteIdentities: { action: 'cognito-identity:DeleteIdentities', resources: ANY_RESOURCE },
  GetId: { notChecked: PUBLIC },
  GetCredentialsForIdentity: { notChecked: PUBLIC },
  GetOpenIdToken: { notChecked: PUBLIC },
  UnlinkIdentity: { notChecked: PUBLIC },
};

/**
 * A denial is `AccessDeniedException`, HTTP 400 [obs: "AccessDeniedException:
 * User: arn:aws:sts::463038042756:assumed-role/Developer/… is not authorized to
 * perform: cognito-identity:ListIdentityPools … status code: 400",
 * hashicorp/terraform-provider-aws#15773]. NotAuthorizedException stays what
 * the API reference makes it: a refused login or token, not an IAM denial.
 */
export const IDENTITY_ACCESS: ServiceAccess = {
  operations: OPERATIONS,
  denied: (message) => new AwsServiceError('AccessDeniedException', message, 400),
};
