import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { FixtureSpec, PolicyStatement, ProvisionedBucket } from '../../harness';
import { assumeRoleTrust, enhancedFlow, policyDocument, regionNames, samlTrust, webIdentityTrust } from '../../harness';
import { loginsOf, signInUser } from '../steps';

/** The bucket, as role policies name it: its name holds the run id, so a wildcard stands for it (and for the partition). */
export const FILES_ARN = 'arn:*:s3:::idchain-*-resource-access-files';
const files = (path: string) => `${FILES_ARN}/${path}`;

function allow(action: string | string[], resource: string | string[], condition?: Record<string, unknown>): PolicyStatement {
  return { Effect: 'Allow', Action: action, Resource: resource, ...(condition ? { Condition: condition } : {}) };
}

/**
 * The identity-pool variable AWS's own per-user S3 example uses (IAM-UG
 * "Amazon S3: Allows Amazon Cognito users to access objects in their bucket"):
 * `${cognito-identity.amazonaws.com:sub}` in default Regions; elsewhere the
 * Region's condition-key prefix (inferred, see the report's Region notes).
 */
export const identitySub = (region: string) => `\${${regionNames(region).identityConditionKeyPrefix}:sub}`;

/**
 * What the issued credentials may do, end to end. One bucket, `files`, seeded
 * with an object under each prefix the cases read, and a bucket policy that
 * grants `partner` the `reports/` prefix and denies `writer` deletions under
 * `protected/` (naming `writer` only, so teardown's deletions stay allowed).
 *
 * - The RBAC set-up of the enhanced flow: groups `admin` (precedence 1, role
 *   `admin`: read, write, delete, list) and `editor` (precedence 10, role
 *   `editor`: read everything, write `editor/` only); `ada` is in both,
 *   `eli` in `editor`, `uma` and `ulf` in none, so they get the pool's default
 *   authenticated role `member`: read `public/`, read and write
 *   `private/<identity id>/`, list only there.
 * - Guests: `guest` reads `public/` (and may read its own role in IAM), through
 *   `rbac` in the enhanced flow and through `classic` in the basic flow.
 * - `partner` (no policy of its own), `writer` (read, write, delete anything):
 *   assumed by the harness, for the bucket policy, the explicit deny and a
 *   session policy.
 * - `saml-reader` (SAML provider `corp`: read `saml/<NameID>/`) and
 *   `oidc-reader` (the user pool as an IAM OIDC provider: read `oidc/`).
 * - The broker of the federated-user case: an IAM user with long-term keys
 *   (the harness's own, or a throwaway one when the harness is a role
 *   session) that may read `home/`, so it can hand a part of it on.
 */
export const resourceAccessFixture: FixtureSpec = {
  userPools: {
    main: {
      clients: { web: { authFlows: ['USER_PASSWORD_AUTH', 'ADMIN_USER_PASSWORD_AUTH', 'REFRESH_TOKEN_AUTH'] } },
      groups: { admin: { precedence: 1, role: 'admin' }, editor: { precedence: 10, role: 'editor' } },
      users: { ada: { groups: ['admin', 'editor'] }, eli: { groups: ['editor'] }, uma: {}, ulf: {} },
    },
  },
  identityPools: {
    rbac: {
      allowUnauthenticated: true,
      providers: [{ userPool: 'main', client: 'web' }],
      roles: { authenticated: 'member', unauthenticated: 'guest' },
      roleMappings: [{ userPool: 'main', client: 'web', type: 'Token', ambiguous: 'AuthenticatedRole' }],
    },
    // A pool with role mappings refuses the basic flow (aws-contract.md §2): basic-flow guests come here.
    classic: { allowUnauthenticated: true, allowClassicFlow: true, roles: { unauthenticated: 'guest' } },
  },
  oidcProviders: { main: { userPool: 'main', clients: ['web'] } },
  samlProviders: { corp: {} },
  roles: {
    admin: {
      trust: { identityPools: ['rbac'], amr: 'authenticated' },
      policies: { files: policyDocument(allow(['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], files('*')), allow('s3:ListBucket', FILES_ARN)) },
    },
    editor: {
      trust: { identityPools: ['rbac'], amr: 'authenticated' },
      policies: { files: policyDocument(allow('s3:GetObject', files('*')), allow('s3:PutObject', files('editor/*'))) },
    },
    member: {
      trust: { identityPools: ['rbac'], amr: 'authenticated' },
      policies: {
        files: (r) =>
          policyDocument(
            allow('s3:GetObject', files('public/*')),
            allow(['s3:GetObject', 's3:PutObject'], files(`private/${identitySub(r.region)}/*`)),
            allow('s3:ListBucket', FILES_ARN, { StringLike: { 's3:prefix': [`private/${identitySub(r.region)}/*`] } }),
          ),
      },
    },
    guest: {
      trust: { identityPools: ['rbac', 'classic'], amr: 'unauthenticated' },
      policies: { files: policyDocument(allow('s3:GetObject', files('public/*')), allow('iam:GetRole', 'arn:*:iam::*:role/idchain-*-resource-access-guest')) },
    },
    partner: { trust: { document: (r) => policyDocument(assumeRoleTrust(r.callerArn)) } },
    writer: {
      trust: { document: (r) => policyDocument(assumeRoleTrust(r.callerArn)) },
      policies: { files: policyDocument(allow(['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], files('*'))) },
    },
    'saml-reader': {
      trust: { document: (r) => policyDocument(samlTrust(r.samlProvider('corp').arn)) },
      policies: { files: policyDocument(allow('s3:GetObject', files('saml/${saml:sub}/*'))) },
    },
    'oidc-reader': {
      trust: { document: (r) => policyDocument(webIdentityTrust(r.oidcProvider('main'))) },
      policies: { files: policyDocument(allow('s3:GetObject', files('oidc/*'))) },
    },
  },
  // A federated user may do only what its IAM user may (IAM-UG "Permissions for GetFederationToken").
  longTermUser: { delegates: [allow('s3:GetObject', files('home/*'))] },
  buckets: {
    files: {
      tags: { purpose: 'resource-access' },
      objects: {
        'public/readme.txt': 'for everyone',
        'shared/report.txt': 'for the team',
        'editor/draft.txt': 'a draft',
        'protected/keep.txt': 'keep me',
        'reports/q1.txt': 'for the partner',
        'home/ana/notes.txt': "ana's notes",
        'home/bob/notes.txt': "bob's notes",
        'saml/ana/welcome.txt': 'welcome, ana',
        'saml/bob/welcome.txt': 'welcome, bob',
        'oidc/welcome.txt': 'welcome, web identity',
      },
      policy: (r) =>
        policyDocument(
          { Sid: 'PartnerReadsReports', Effect: 'Allow', Principal: { AWS: r.roleArn('partner') }, Action: 's3:GetObject', Resource: `${r.bucketArn}/reports/*` },
          { Sid: 'WriterKeepsProtected', Effect: 'Deny', Principal: { AWS: r.roleArn('writer') }, Action: 's3:DeleteObject', Resource: `${r.bucketArn}/protected/*` },
        ),
    },
  },
  // Propagation check: a user in no group reads the public object with the default role's credentials.
  async ready(fx, clients) {
    const { idToken } = await signInUser(clients, fx, 'uma');
    const { credentials } = await enhancedFlow(clients.identity, { identityPoolId: fx.identityPool('rbac').id, logins: loginsOf(fx, idToken) });
    const { name } = fx.resource<ProvisionedBucket>('s3-bucket', 'files');
    const answer = await clients.s3With(credentials).send(new GetObjectCommand({ Bucket: name, Key: 'public/readme.txt' }));
    await answer.Body?.transformToString();
  },
};
