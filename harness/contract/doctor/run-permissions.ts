import { resourceName, runTags } from '../../provisioning/names';
import { regionNames } from '../../targets/region';

/** One permission a run needs: the action, on a resource of the kind the run touches, with the condition keys the request carries. */
export interface NeededPermission {
  action: string;
  resource: string;
  context: Record<string, string | string[]>;
  /** What the run does with it, for the doctor's line. */
  why: string;
}

export interface RunScope {
  partition: string;
  accountId: string;
  region: string;
  /** The boundary roles and users are created with, when one is configured. */
  permissionsBoundary?: string;
}

/** A run id of the right shape, for resource names like the ones a run will use. */
const SAMPLE_RUN = '00000000';

/**
 * Every action an idchain run calls as the harness's own identity — provisioning,
 * cases, teardown and sweep — on a sample resource named and tagged as a run
 * names and tags its own, with the condition keys the request would carry
 * (tags asked for on create, the resource's tags, the boundary,
 * `iam:PassedToService`). Calls signed by fixture sessions, the throwaway
 * user or no one (InitiateAuth, GetId, AssumeRoleWithWebIdentity …) are not
 * the runner's. AssumeRole needs none, nor do the session tags and source
 * identity it passes (sts:TagSession, sts:SetSourceIdentity): the fixture
 * trusts name the caller's own session, which within one account grants them
 * without an identity-based policy [doc: IAM-UG "Policy evaluation logic",
 * same-account resource-based policies naming the principal].
 */
export function runPermissions(scope: RunScope): NeededPermission[] {
  const { partition, accountId, region } = scope;
  const name = resourceName(SAMPLE_RUN, 'doctor');
  const tags = runTags(SAMPLE_RUN);
  const requestTags = { ...Object.fromEntries(Object.entries(tags).map(([k, v]) => [`aws:RequestTag/${k}`, v])), 'aws:TagKeys': Object.keys(tags) };
  const resourceTags = Object.fromEntries(Object.entries(tags).map(([k, v]) => [`aws:ResourceTag/${k}`, v]));
  const boundary: Record<string, string> = scope.permissionsBoundary ? { 'iam:PermissionsBoundary': scope.permissionsBoundary } : {};
  const iam = `arn:${partition}:iam::${accountId}`;
  const role = `${iam}:role/${name}`;
  const user = `${iam}:user/${name}`;
  const oidc = `${iam}:oidc-provider/cognito-idp.${region}.${regionNames(region).dnsSuffix}/${region}_doctor`;
  const saml = `${iam}:saml-provider/${name}`;
  const userPool = `arn:${partition}:cognito-idp:${region}:${accountId}:userpool/${region}_doctor`;
  const identityPool = `arn:${partition}:cognito-identity:${region}:${accountId}:identitypool/${region}:00000000-0000-0000-0000-000000000000`;
  // The service Cognito Identity is known by in the Region (global, regional in opt-in Regions, GovCloud's and China's own): region.ts.
  const cognitoIdentity = regionNames(region).identityPrincipal;
  const bucket = `arn:${partition}:s3:::${name}`;

  const on = (resource: string, context: Record<string, string | string[]>, why: string, actions: string[]): NeededPermission[] =>
    actions.map((action) => ({ action, resource, context, why }));
  return [
    ...on(role, { ...requestTags, ...boundary }, 'create fixture roles with the boundary', ['iam:CreateRole']),
    ...on(role, requestTags, 'tag fixture roles as they are created', ['iam:TagRole']),
    ...on(role, { ...resourceTags, ...boundary }, "write fixture roles' inline policies", ['iam:PutRolePolicy', 'iam:DeleteRolePolicy']),
    ...on(role, resourceTags, 'tear fixture roles down and sweep them', ['iam:ListRolePolicies', 'iam:ListRoleTags', 'iam:DeleteRole']),
    ...on(role, { ...resourceTags, 'iam:PassedToService': cognitoIdentity }, 'hand fixture roles to identity pools (SetIdentityPoolRoles)', ['iam:PassRole']),
    ...on(user, { ...requestTags, ...boundary }, 'create the throwaway IAM user with the boundary', ['iam:CreateUser']),
    ...on(user, requestTags, 'tag the throwaway IAM user as it is created', ['iam:TagUser']),
    ...on(user, { ...resourceTags, ...boundary }, "write the throwaway user's policy", ['iam:PutUserPolicy', 'iam:DeleteUserPolicy']),
    ...on(user, resourceTags, "the throwaway user's keys, teardown and sweep", ['iam:CreateAccessKey', 'iam:ListAccessKeys', 'iam:DeleteAccessKey', 'iam:ListUserPolicies', 'iam:ListUserTags', 'iam:DeleteUser']),
    ...on(oidc, requestTags, 'register user pools as OIDC providers', ['iam:CreateOpenIDConnectProvider', 'iam:TagOpenIDConnectProvider']),
    ...on(oidc, resourceTags, 'delete them', ['iam:DeleteOpenIDConnectProvider']),
    ...on(saml, requestTags, 'create SAML providers', ['iam:CreateSAMLProvider', 'iam:TagSAMLProvider']),
    ...on(saml, resourceTags, 'read and delete them', ['iam:GetSAMLProvider', 'iam:DeleteSAMLProvider']),
    ...on('*', requestTags, 'create tagged user pools', ['cognito-idp:CreateUserPool']),
    ...on(userPool, resourceTags, 'work in the run’s user pools', [
      'cognito-idp:DeleteUserPool',
      'cognito-idp:CreateUserPoolClient',
      'cognito-idp:CreateGroup',
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminSetUserPassword',
      'cognito-idp:AdminAddUserToGroup',
      'cognito-idp:AdminInitiateAuth',
    ]),
    ...on('*', requestTags, 'create tagged identity pools', ['cognito-identity:CreateIdentityPool']),
    ...on(identityPool, resourceTags, 'work in the run’s identity pools', [
      'cognito-identity:DeleteIdentityPool',
      'cognito-identity:SetIdentityPoolRoles',
      'cognito-identity:SetPrincipalTagAttributeMap',
      'cognito-identity:GetPrincipalTagAttributeMap',
      'cognito-identity:GetOpenIdTokenForDeveloperIdentity',
    ]),
    // Teardown and sweep ask again after each delete; a resource gone has no tags left to match.
    ...on(oidc, {}, 'confirm OIDC providers gone', ['iam:GetOpenIDConnectProvider']),
    ...on(userPool, {}, 'confirm user pools gone', ['cognito-idp:DescribeUserPool']),
    ...on(identityPool, {}, 'confirm identity pools gone', ['cognito-identity:DescribeIdentityPool']),
    ...on(bucket, {}, 'create, tag, seed, empty and delete fixture buckets', [
      's3:CreateBucket',
      's3:PutBucketTagging',
      's3:GetBucketTagging',
      's3:PutBucketPolicy',
      's3:DeleteBucketPolicy',
      's3:ListBucket',
      's3:DeleteBucket',
    ]),
    ...on(`${bucket}/seed.txt`, {}, 'seed fixture buckets and empty them', ['s3:PutObject', 's3:DeleteObject']),
    ...on(`${iam}:role/`, {}, 'find leftovers (sweep)', ['iam:ListRoles']),
    ...on(`${iam}:user/`, {}, 'find leftovers (sweep)', ['iam:ListUsers']),
    ...on('*', {}, 'find leftovers (sweep)', ['iam:ListOpenIDConnectProviders', 'iam:ListSAMLProviders', 'cognito-idp:ListUserPools', 's3:ListAllMyBuckets']),
    ...on(`arn:${partition}:cognito-identity:${region}:${accountId}:identitypool/`, {}, 'find leftovers (sweep)', ['cognito-identity:ListIdentityPools']),
  ];
}
