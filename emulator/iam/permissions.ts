import { AwsServiceError } from '../errors';
import { ANY_RESOURCE, requestTagContext, type OperationAccess, type Permission, type ResourceRef, type ServiceAccess } from '../authz/operation-access';
import type { PolicyRequest } from '../policy/types';
import type { RequestContext } from '../service';
import { PATH, PATH_PREFIX, ROLE_NAME, str } from './role-input';
import { roleByName } from './state';
import { Violations } from './validation';
import { iamArn } from '../region';
import { ENTITY_OPERATIONS, policyArnKey, requestedBoundary, tagOnCreate } from './entity-permissions';

type Input = Record<string, unknown>;

/**
 * The role named by `RoleName`: its ARN (with its path) when it exists, else
 * the ARN it would have at the root path. IAM names such a role "role <name>"
 * in AccessDenied [obs: "is not authorized to perform: iam:DeleteRole on
 * resource: role cdk-hnb659fds-file-publishing-role-… because no
 * identity-based policy allows the iam:DeleteRole action", aws/aws-cdk#27067;
 * the same for GetRole, ListAttachedRolePolicies (keikoproj/iam-manager#31)
 * and DeleteRolePolicy (alphagov/gsp#417)]. Undefined when the name is
 * malformed: the operation's own validation answers first.
 */
function namedRole(input: Input, ctx: RequestContext): ResourceRef[] | undefined {
  const name = str(input, 'RoleName');
  if (new Violations().string(name, 'roleName', ROLE_NAME).messages.length > 0) return undefined;
  const role = roleByName(ctx.state.iam, name!);
  return [{ arn: role?.arn ?? iamArn(ctx.state.region, ctx.state.accountId, `role/${name}`), shown: `role ${name}` }];
}

/** `aws:ResourceTag/<key>` of the role named, when it exists [doc: IAM-UG "aws:ResourceTag/tag-key"]. */
function roleTags(input: Input, ctx: RequestContext): PolicyRequest['context'] {
  const name = str(input, 'RoleName');
  const role = name === undefined ? undefined : roleByName(ctx.state.iam, name);
  return Object.fromEntries((role?.tags ?? []).map((t) => [`aws:ResourceTag/${t.Key}`, t.Value]));
}

/**
 * `iam:PermissionsBoundary` for operations on an existing role: the ARN of
 * the boundary the role carries ("Checks that the specified policy is
 * attached as a permissions boundary on the IAM principal resource" [doc:
 * IAM-UG "IAM and AWS STS condition context keys", iam:PermissionsBoundary];
 * SAR lists it for PutRolePolicy, DeleteRolePolicy, AttachRolePolicy,
 * DetachRolePolicy and DeleteRolePermissionsBoundary).
 */
function roleBoundary(input: Input, ctx: RequestContext): PolicyRequest['context'] {
  const name = str(input, 'RoleName');
  const boundary = name === undefined ? undefined : roleByName(ctx.state.iam, name)?.permissionsBoundary;
  return boundary ? { 'iam:PermissionsBoundary': boundary } : {};
}

/**
 * CreateRole acts on the ARN the role will have, and AccessDenied shows that
 * ARN [obs: "is not authorized to perform: iam:CreateRole on resource:
 * arn:aws:iam::xxxxx:role/aws-lambda-image-executor", ysugimoto/aws-lambda-image#153;
 * "… role/serverlessrepo-… with an explicit deny", alexcasalboni/aws-lambda-power-tuning#154].
 */
function newRole(input: Input, ctx: RequestContext): ResourceRef[] | undefined {
  const name = str(input, 'RoleName');
  const path = str(input, 'Path') ?? '/';
  if (new Violations().string(name, 'roleName', ROLE_NAME).string(path, 'path', PATH).messages.length > 0) return undefined;
  return [{ arn: iamArn(ctx.state.region, ctx.state.accountId, `role${path}${name}`) }];
}

/**
 * ListRoles acts on `arn:<partition>:iam::<acct>:role<PathPrefix>` and shows that ARN
 * [obs: "is not authorized to perform: iam:ListRoles on resource:
 * arn:aws:iam::921234892411:role/ because no identity-based policy allows the
 * iam:ListRoles action"; with a prefix, "…:role/aws-service-role/opensearchservice.amazonaws.com/"].
 */
function rolePath(input: Input, ctx: RequestContext): ResourceRef[] | undefined {
  const prefix = str(input, 'PathPrefix');
  if (new Violations().string(prefix, 'pathPrefix', PATH_PREFIX).messages.length > 0) return undefined;
  return [{ arn: iamArn(ctx.state.region, ctx.state.accountId, `role${prefix ?? '/'}`) }];
}

/**
 * Identity providers are named by ARN in AccessDenied [obs: "iam:CreateOpenIDConnectProvider
 * on resource: arn:aws:iam::XXXXXXXX:oidc-provider/oidc.eks.eu-central-1.amazonaws.com/id/XXXXX",
 * antonputra/tutorials#196; "iam:UpdateSAMLProvider on resource:
 * arn:aws:iam::XXXXX:saml-provider/AWSSSO_…", fivexl/terraform-aws-sso-elevator#15].
 */
function providerArn(member: string) {
  return (input: Input): ResourceRef[] | undefined => {
    const arn = str(input, member);
    return arn === undefined ? undefined : [{ arn }];
  };
}

/** `aws:ResourceTag/<key>` of the identity provider an ARN names [doc: SAR, resource types oidc-provider and saml-provider: aws:ResourceTag/${TagKey}]. */
function providerTags(member: string) {
  return (input: Input, ctx: RequestContext): PolicyRequest['context'] => {
    const arn = str(input, member);
    const provider = arn === undefined ? undefined : (ctx.state.iam.oidcProviders.get(arn) ?? ctx.state.iam.samlProviders.get(arn));
    return Object.fromEntries((provider?.tags ?? []).map((t) => [`aws:ResourceTag/${t.Key}`, t.Value]));
  };
}

function newOidcProvider(input: Input, ctx: RequestContext): ResourceRef[] | undefined {
  const url = str(input, 'Url');
  if (url === undefined || !url.startsWith('https://')) return undefined;
  return [{ arn: iamArn(ctx.state.region, ctx.state.accountId, `oidc-provider/${url.slice('https://'.length)}`) }];
}

function newSamlProvider(input: Input, ctx: RequestContext): ResourceRef[] | undefined {
  const name = str(input, 'Name');
  return name === undefined ? undefined : [{ arn: iamArn(ctx.state.region, ctx.state.accountId, `saml-provider/${name}`) }];
}

const onRole = (action: string, context?: Permission['context']): Permission => ({
  action: `iam:${action}`,
  resources: namedRole,
  context: (input, ctx) => ({ ...roleTags(input, ctx), ...context?.(input, ctx) }),
});

/** `UntagRole`'s TagKeys are the request's `aws:TagKeys` [doc: IAM-UG "aws:TagKeys"]. */
const untagKeys = (input: Input): PolicyRequest['context'] => {
  const keys = Array.isArray(input.TagKeys) ? input.TagKeys.filter((k): k is string => typeof k === 'string') : [];
  return keys.length > 0 ? { 'aws:TagKeys': keys } : {};
};

/**
 * Every IAM operation and the action it needs [doc: SAR "Actions, resources,
 * and condition keys for AWS Identity and Access Management (IAM)": each
 * operation's action has its name; roles, oidc-provider and saml-provider are
 * resource types; ListOpenIDConnectProviders and ListSAMLProviders take `*`].
 */
const OPERATIONS: Record<string, OperationAccess> = {
  CreateRole: {
    action: 'iam:CreateRole',
    resources: newRole,
    context: (input) => ({ ...requestTagContext(input.Tags), ...requestedBoundary(input) }),
    also: tagOnCreate('iam:TagRole', newRole),
  },
  GetRole: onRole('GetRole'),
  DeleteRole: onRole('DeleteRole'),
  ListRoles: { action: 'iam:ListRoles', resources: rolePath },
  UpdateRole: onRole('UpdateRole'),
  UpdateRoleDescription: onRole('UpdateRoleDescription'),
  UpdateAssumeRolePolicy: onRole('UpdateAssumeRolePolicy'),
  PutRolePolicy: onRole('PutRolePolicy', roleBoundary),
  GetRolePolicy: onRole('GetRolePolicy'),
  DeleteRolePolicy: onRole('DeleteRolePolicy', roleBoundary),
  AttachRolePolicy: onRole('AttachRolePolicy', (input, ctx) => ({ ...roleBoundary(input, ctx), ...policyArnKey(input) })),
  DetachRolePolicy: onRole('DetachRolePolicy', (input, ctx) => ({ ...roleBoundary(input, ctx), ...policyArnKey(input) })),
  ListAttachedRolePolicies: onRole('ListAttachedRolePolicies'),
  PutRolePermissionsBoundary: onRole('PutRolePermissionsBoundary', requestedBoundary),
  DeleteRolePermissionsBoundary: onRole('DeleteRolePermissionsBoundary', roleBoundary),
  ListRolePolicies: onRole('ListRolePolicies'),
  TagRole: onRole('TagRole', (input) => requestTagContext(input.Tags)),
  UntagRole: onRole('UntagRole', untagKeys),
  ListRoleTags: onRole('ListRoleTags'),
  CreateOpenIDConnectProvider: {
    action: 'iam:CreateOpenIDConnectProvider',
    resources: newOidcProvider,
    context: (input) => requestTagContext(input.Tags),
    also: tagOnCreate('iam:TagOpenIDConnectProvider', newOidcProvider),
  },
  GetOpenIDConnectProvider: { action: 'iam:GetOpenIDConnectProvider', resources: providerArn('OpenIDConnectProviderArn'), context: providerTags('OpenIDConnectProviderArn') },
  DeleteOpenIDConnectProvider: { action: 'iam:DeleteOpenIDConnectProvider', resources: providerArn('OpenIDConnectProviderArn'), context: providerTags('OpenIDConnectProviderArn') },
  ListOpenIDConnectProviders: { action: 'iam:ListOpenIDConnectProviders', resources: ANY_RESOURCE },
  AddClientIDToOpenIDConnectProvider: { action: 'iam:AddClientIDToOpenIDConnectProvider', resources: providerArn('OpenIDConnectProviderArn'), context: providerTags('OpenIDConnectProviderArn') },
  RemoveClientIDFromOpenIDConnectProvider: { action: 'iam:RemoveClientIDFromOpenIDConnectProvider', resources: providerArn('OpenIDConnectProviderArn'), context: providerTags('OpenIDConnectProviderArn') },
  UpdateOpenIDConnectProviderThumbprint: { action: 'iam:UpdateOpenIDConnectProviderThumbprint', resources: providerArn('OpenIDConnectProviderArn'), context: providerTags('OpenIDConnectProviderArn') },
  CreateSAMLProvider: {
    action: 'iam:CreateSAMLProvider',
    resources: newSamlProvider,
    context: (input) => requestTagContext(input.Tags),
    also: tagOnCreate('iam:TagSAMLProvider', newSamlProvider),
  },
  GetSAMLProvider: { action: 'iam:GetSAMLProvider', resources: providerArn('SAMLProviderArn'), context: providerTags('SAMLProviderArn') },
  DeleteSAMLProvider: { action: 'iam:DeleteSAMLProvider', resources: providerArn('SAMLProviderArn'), context: providerTags('SAMLProviderArn') },
  ListSAMLProviders: { action: 'iam:ListSAMLProviders', resources: ANY_RESOURCE },
  ...ENTITY_OPERATIONS,
};

/** IAM answers a denial with `AccessDenied` (403) [obs: every message quoted above came with "Status Code: 403"]. */
export const IAM_ACCESS: ServiceAccess = {
  operations: OPERATIONS,
  denied: (message) => new AwsServiceError('AccessDenied', message, 403),
};
