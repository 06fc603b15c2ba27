import type { FixtureSpec, PolicyStatement, TrustRefs } from '../../harness';
import { assumeRole, identityPoolTrust, policyDocument, regionNames, samlTrust } from '../../harness';

/** The bucket, as role policies name it: its name holds the run id, so a wildcard stands for it (and for the partition). */
const DATA_ARN = 'arn:*:s3:::idchain-*-session-attribut-data';
const data = (path: string) => `${DATA_ARN}/${path}`;

/** The value a trust policy's `sts:ExternalId` condition asks the partner for (IAM-UG "Access to AWS accounts owned by third parties"). */
export const EXTERNAL_ID = 'idchain-partner-7';
/** The source identity the audited role's policy requires (`aws:SourceIdentity`). */
export const AUDITOR = 'idchain-auditor';

function allow(action: string | string[], resource: string | string[], condition?: Record<string, unknown>): PolicyStatement {
  return { Effect: 'Allow', Action: action, Resource: resource, ...(condition ? { Condition: condition } : {}) };
}

/** What a tagged session may read: the prefixes its `project` and `stage` tags name, and audit/ when its source identity is the auditor. */
const byAttributes = policyDocument(
  allow('s3:GetObject', data('projects/${aws:PrincipalTag/project}/*')),
  allow('s3:GetObject', data('stages/${aws:PrincipalTag/stage}/*')),
  allow('s3:GetObject', data('audit/*'), { StringEquals: { 'aws:SourceIdentity': AUDITOR } }),
);

/** An AWS principal may assume, tag the session and set a source identity (IAM-UG "Passing session tags in AWS STS", "Monitor and control actions taken with assumed roles"). */
const trustsWithAttributes = (principals: (r: TrustRefs) => string | string[]) => ({
  document: (r: TrustRefs) => policyDocument({ Effect: 'Allow', Principal: { AWS: principals(r) }, Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'] }),
});

/** The identity-pool trust with sts:TagSession added, as CG's attributes-for-access-control example has it. */
const identityPoolTrustTagging = (pools: string[], amr: 'authenticated') => ({
  document: (r: TrustRefs) => policyDocument({ ...identityPoolTrust(pools.map((p) => r.identityPoolId(p)), amr, r.region), Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'] }),
});

/**
 * Session attributes deciding S3 access. Bucket `data` holds an object under
 * each prefix a tag can name.
 *
 * - Identity pools with attributes for access control for user pool `main`
 *   (users `dana`, team blue, and `ravi`, team red): `defaults` (default
 *   mappings: `username` ← sub, `client` ← aud) and `custom` (`team` ←
 *   custom:team), both defaulting to role `abac`, whose trust allows
 *   sts:TagSession; `strict` maps the defaults too but its role
 *   `abac-strict` trusts without sts:TagSession. `developer` is a basic-flow
 *   pool with a developer provider, for OpenID tokens carrying PrincipalTags.
 * - `tagger` (the harness may assume it, tag the session, set a source
 *   identity) chains into `chained`; `untagged` trusts sts:AssumeRole only;
 *   `partner` requires the external id; `saml-tagged` and `web-tagged` take
 *   their tags from a SAML assertion and a web identity token.
 */
export const sessionAttributesFixture: FixtureSpec = {
  userPools: {
    main: {
      customAttributes: ['team'],
      clients: { web: { authFlows: ['USER_PASSWORD_AUTH', 'ADMIN_USER_PASSWORD_AUTH', 'REFRESH_TOKEN_AUTH'] } },
      users: { dana: { attributes: { 'custom:team': 'blue' } }, ravi: { attributes: { 'custom:team': 'red' } } },
    },
  },
  identityPools: {
    defaults: { providers: [{ userPool: 'main', client: 'web' }], roles: { authenticated: 'abac' }, principalTags: [{ userPool: 'main', useDefaults: true }] },
    custom: { providers: [{ userPool: 'main', client: 'web' }], roles: { authenticated: 'abac' }, principalTags: [{ userPool: 'main', tags: { team: 'custom:team' } }] },
    strict: { providers: [{ userPool: 'main', client: 'web' }], roles: { authenticated: 'abac-strict' }, principalTags: [{ userPool: 'main', useDefaults: true }] },
    developer: { allowClassicFlow: true, developerProvider: 'login' },
  },
  samlProviders: { corp: {} },
  roles: {
    abac: {
      trust: identityPoolTrustTagging(['defaults', 'custom'], 'authenticated'),
      policies: {
        data: policyDocument(allow(['s3:GetObject', 's3:PutObject'], data('users/${aws:PrincipalTag/username}/*')), allow('s3:GetObject', data('teams/${aws:PrincipalTag/team}/*'))),
      },
    },
    'abac-strict': { trust: { identityPools: ['strict'], amr: 'authenticated' }, policies: { data: byAttributes } },
    tagger: { trust: trustsWithAttributes((r) => r.callerArn), policies: { data: byAttributes } },
    chained: { trust: trustsWithAttributes((r) => [r.roleArn('tagger'), r.roleArn('saml-tagged')]), policies: { data: byAttributes } },
    untagged: { trust: { document: (r) => policyDocument({ Effect: 'Allow', Principal: { AWS: r.callerArn }, Action: 'sts:AssumeRole' }) }, policies: { data: byAttributes } },
    partner: {
      trust: { document: (r) => policyDocument({ Effect: 'Allow', Principal: { AWS: r.callerArn }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': EXTERNAL_ID } } }) },
      policies: { data: policyDocument(allow('s3:GetObject', data('partner/*'))) },
    },
    'saml-tagged': {
      trust: { document: (r) => policyDocument({ ...samlTrust(r.samlProvider('corp').arn), Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'] }) },
      policies: { data: byAttributes },
    },
    'web-tagged': {
      trust: {
        // The Region's identity-pool principal and condition-key prefix (cognito-identity.amazonaws.com in default Regions).
        document: (r) =>
          policyDocument({
            Effect: 'Allow',
            Principal: { Federated: regionNames(r.region).identityPrincipal },
            Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'],
            Condition: { StringEquals: { [`${regionNames(r.region).identityConditionKeyPrefix}:aud`]: r.identityPoolId('developer') } },
          }),
      },
      policies: { data: byAttributes },
    },
  },
  buckets: {
    data: {
      tags: { purpose: 'session-attributes' },
      objects: {
        'projects/alpha/plan.txt': 'alpha plan',
        'projects/beta/plan.txt': 'beta plan',
        'stages/blue/notes.txt': 'blue stage',
        'audit/log.txt': 'audit log',
        'partner/terms.txt': 'partner terms',
        'teams/blue/roster.txt': 'blue team',
        'teams/red/roster.txt': 'red team',
      },
    },
  },
  // Propagation check: the harness tags a tagger session and chains it into `chained`.
  async ready(fx, clients) {
    const first = await assumeRole(clients.sts, { roleArn: fx.role('tagger').arn, roleSessionName: 'idchain-ready', tags: { project: 'alpha' }, transitiveTagKeys: ['project'] });
    await assumeRole(clients.stsWith(first.credentials), { roleArn: fx.role('chained').arn, roleSessionName: 'idchain-ready' });
  },
};
