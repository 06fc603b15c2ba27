import type { CaseDefinition } from '../../harness';
import { STS_ASSUME_ROLE, STS_ASSUME_ROLE_WITH_SAML, STS_ASSUME_ROLE_WITH_WEB_IDENTITY, STS_COMMON_ERRORS, cite } from '../citations';
import { S3_ACCESS_DENIED } from '../resource-access/sources';
import { AUDITOR, EXTERNAL_ID } from './fixture';
import {
  ACCESS_DENIED_ASSUME_OBSERVED,
  DEVELOPER_PRINCIPAL_TAGS,
  DEVELOPER_TAGS_CLAIM_INFERRED,
  IAM_SESSION_TAGS,
  IAM_SOURCE_IDENTITY,
  IAM_THIRD_PARTY,
  SAML_SESSION_TAGS,
  STS_TAG,
  TAG_SESSION_DENIED_OBSERVED,
  TRANSITIVE_CONFLICT_OBSERVED,
  TRANSITIVE_MESSAGES_INFERRED,
  VALIDATION_FAMILY_INFERRED,
  WEB_IDENTITY_SESSION_TAGS,
} from './sources';
import { assumeWith, cell, chainInto, readsAllowed, readsDenied, samlTaggedSession, sessionArn, webTaggedSession } from './steps';

const TAGGED = 'tagger (AssumeRole, session tags)';
const HARNESS = 'harness (AssumeRole)';
const CHAINED = 'chained (from tagger, project transitive)';
const TRANSITIVE = { tags: { project: 'alpha', stage: 'blue' }, transitiveTagKeys: ['project'] };
const CONFLICT = "One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.";
const denied = (ctx: Parameters<CaseDefinition['run']>[0], action: string, role: string) => ({
  name: 'AccessDenied',
  httpStatus: 403,
  message: `User: ${ctx.fx.caller.arn} is not authorized to perform: ${action} on resource: ${ctx.fx.role(role).arn}`,
});

/** AssumeRole session tags and their limits. */
export const sessionTagCases: CaseDefinition[] = [
  {
    id: 'attributes/session-tags-decide-s3',
    title: 'AssumeRole with the session tag project = alpha: the session reads projects/alpha/, and projects/beta/ is AccessDenied 403',
    citations: [STS_ASSUME_ROLE, IAM_SESSION_TAGS, S3_ACCESS_DENIED],
    matrix: [cell(TAGGED, 's3:GetObject', 'projects/<project tag>/*', 'allow', 'GetObject(projects/alpha/)'), cell(TAGGED, 's3:GetObject', 'projects/<another project>/*', 'deny', 'GetObject(projects/beta/)')],
    async run(ctx) {
      const { credentials } = await ctx.expect.succeeds('AssumeRole(tagger)', assumeWith(ctx, 'tagger', 'idchain-tagged', { tags: { project: 'alpha' } }), IAM_SESSION_TAGS);
      await readsAllowed(ctx, credentials, 'projects/alpha/plan.txt', 'GetObject(projects/alpha/)', cite(IAM_SESSION_TAGS, 'session tags are aws:PrincipalTag'));
      await readsDenied(ctx, credentials, sessionArn(ctx, 'tagger', 'idchain-tagged'), 'projects/beta/plan.txt', 'GetObject(projects/beta/)', [IAM_SESSION_TAGS, S3_ACCESS_DENIED]);
    },
  },
  {
    id: 'attributes/transitive-tag-survives-chaining',
    title: 'A session tagged project (transitive) and stage chains into another role: the chained session keeps project, not stage',
    citations: [IAM_SESSION_TAGS, STS_ASSUME_ROLE, S3_ACCESS_DENIED],
    matrix: [
      cell(TAGGED, 's3:GetObject', 'stages/<stage tag>/*', 'allow', 'GetObject(stages/blue/) before chaining'),
      cell(CHAINED, 's3:GetObject', 'projects/<project tag>/*', 'allow', 'GetObject(projects/alpha/)'),
      cell(CHAINED, 's3:GetObject', 'stages/<stage tag>/*', 'deny', 'GetObject(stages/blue/)'),
    ],
    async run(ctx) {
      const first = await ctx.expect.succeeds('AssumeRole(tagger)', assumeWith(ctx, 'tagger', 'idchain-tagged', TRANSITIVE), IAM_SESSION_TAGS);
      await readsAllowed(ctx, first.credentials, 'stages/blue/notes.txt', 'GetObject(stages/blue/) before chaining', IAM_SESSION_TAGS);
      const chained = await ctx.expect.succeeds('AssumeRole(chained)', chainInto(ctx, first.credentials, 'chained', 'idchain-chained'), IAM_SESSION_TAGS);
      await readsAllowed(ctx, chained.credentials, 'projects/alpha/plan.txt', 'GetObject(projects/alpha/)', cite(IAM_SESSION_TAGS, 'transitive tags persist during role chaining'));
      await readsDenied(ctx, chained.credentials, sessionArn(ctx, 'chained', 'idchain-chained'), 'stages/blue/notes.txt', 'GetObject(stages/blue/)', [
        cite(IAM_SESSION_TAGS, 'a tag not passed as transitive ends with its session'),
        S3_ACCESS_DENIED,
      ]);
    },
  },
  {
    id: 'attributes/inherited-transitive-tag-cannot-be-set',
    title: 'A chained AssumeRole passing project = beta, the key of an inherited transitive tag, is refused: InvalidParameterValue',
    citations: [STS_ASSUME_ROLE, IAM_SESSION_TAGS, TRANSITIVE_CONFLICT_OBSERVED, TRANSITIVE_MESSAGES_INFERRED],
    async run(ctx) {
      const first = await ctx.expect.succeeds('AssumeRole(tagger)', assumeWith(ctx, 'tagger', 'idchain-tagged', TRANSITIVE), IAM_SESSION_TAGS);
      await ctx.expect.error(
        'AssumeRole(chained, project=beta)',
        chainInto(ctx, first.credentials, 'chained', 'idchain-chained', { tags: { project: 'beta' } }),
        { name: 'InvalidParameterValue', httpStatus: 400, message: CONFLICT },
        [cite(STS_ASSUME_ROLE, 'Tags: "If you pass a session tag with the same key as an inherited tag, the operation fails"'), TRANSITIVE_CONFLICT_OBSERVED, TRANSITIVE_MESSAGES_INFERRED],
      );
    },
  },
  {
    id: 'attributes/transitive-key-must-be-a-passed-tag',
    title: 'TransitiveTagKeys naming a key that is not among the Tags is refused: InvalidParameterValue',
    citations: [STS_TAG, TRANSITIVE_MESSAGES_INFERRED],
    async run(ctx) {
      await ctx.expect.error(
        'AssumeRole(tagger)',
        assumeWith(ctx, 'tagger', 'idchain-tagged', { tags: { project: 'alpha' }, transitiveTagKeys: ['team'] }),
        { name: 'InvalidParameterValue', httpStatus: 400, message: 'The specified transitive tag key must be included in the requested tags.' },
        [STS_TAG, TRANSITIVE_MESSAGES_INFERRED],
      );
    },
  },
  {
    id: 'attributes/more-than-fifty-tags-refused',
    title: 'AssumeRole with 51 session tags is refused: ValidationError, at most 50',
    citations: [STS_TAG, STS_COMMON_ERRORS, VALIDATION_FAMILY_INFERRED],
    async run(ctx) {
      const tags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, 'x']));
      await ctx.expect.error(
        'AssumeRole(tagger)',
        assumeWith(ctx, 'tagger', 'idchain-tagged', { tags }),
        { name: 'ValidationError', httpStatus: 400, message: /^1 validation error detected: Value '.+' at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50$/ },
        [cite(STS_TAG, 'up to 50 session tags'), VALIDATION_FAMILY_INFERRED],
      );
    },
  },
  {
    id: 'attributes/tag-key-longer-than-128-refused',
    title: 'A session tag key of 129 characters is refused: ValidationError, keys are 1–128',
    citations: [STS_TAG, STS_COMMON_ERRORS, VALIDATION_FAMILY_INFERRED],
    async run(ctx) {
      const key = 'k'.repeat(129);
      await ctx.expect.error(
        'AssumeRole(tagger)',
        assumeWith(ctx, 'tagger', 'idchain-tagged', { tags: { [key]: 'x' } }),
        { name: 'ValidationError', httpStatus: 400, message: `1 validation error detected: Value '${key}' at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 128` },
        [cite(STS_TAG, 'Key: maximum length of 128'), VALIDATION_FAMILY_INFERRED],
      );
    },
  },
  {
    id: 'attributes/tags-need-tag-session',
    title: 'AssumeRole passing session tags to a role whose trust allows sts:AssumeRole but not sts:TagSession is AccessDenied 403; without tags it succeeds',
    citations: [IAM_SESSION_TAGS, TAG_SESSION_DENIED_OBSERVED],
    matrix: [cell(HARNESS, 'sts:AssumeRole', 'role untagged', 'allow', 'AssumeRole(untagged)'), cell(HARNESS, 'sts:TagSession', 'role untagged', 'deny', 'AssumeRole(untagged, tags)')],
    async run(ctx) {
      await ctx.expect.succeeds('AssumeRole(untagged)', assumeWith(ctx, 'untagged', 'idchain-untagged'), STS_ASSUME_ROLE);
      await ctx.expect.error(
        'AssumeRole(untagged, tags)',
        assumeWith(ctx, 'untagged', 'idchain-untagged', { tags: { project: 'alpha' } }),
        denied(ctx, 'sts:TagSession', 'untagged'),
        [cite(IAM_SESSION_TAGS, 'passing session tags needs sts:TagSession in the trust policy'), TAG_SESSION_DENIED_OBSERVED],
      );
    },
  },
];


/** ExternalId required by a trust condition. */
export const externalIdCases: CaseDefinition[] = [
  {
    id: 'attributes/external-id-missing-refused',
    title: 'AssumeRole without the ExternalId the trust policy requires is AccessDenied 403',
    citations: [IAM_THIRD_PARTY, STS_ASSUME_ROLE, ACCESS_DENIED_ASSUME_OBSERVED],
    matrix: [cell(HARNESS, 'sts:AssumeRole', 'role partner, no ExternalId', 'deny', 'AssumeRole(partner)')],
    async run(ctx) {
      await ctx.expect.error('AssumeRole(partner)', assumeWith(ctx, 'partner', 'idchain-partner'), denied(ctx, 'sts:AssumeRole', 'partner'), [IAM_THIRD_PARTY, ACCESS_DENIED_ASSUME_OBSERVED]);
    },
  },
  {
    id: 'attributes/external-id-wrong-refused',
    title: 'AssumeRole with another ExternalId than the trust policy requires is AccessDenied 403',
    citations: [IAM_THIRD_PARTY, STS_ASSUME_ROLE, ACCESS_DENIED_ASSUME_OBSERVED],
    matrix: [cell(HARNESS, 'sts:AssumeRole', 'role partner, another ExternalId', 'deny', 'AssumeRole(partner)')],
    async run(ctx) {
      await ctx.expect.error('AssumeRole(partner)', assumeWith(ctx, 'partner', 'idchain-partner', { externalId: 'idchain-partner-8' }), denied(ctx, 'sts:AssumeRole', 'partner'), [
        IAM_THIRD_PARTY,
        ACCESS_DENIED_ASSUME_OBSERVED,
      ]);
    },
  },
  {
    id: 'attributes/external-id-matching-accepted',
    title: 'AssumeRole with the required ExternalId succeeds, and the session reads what the role allows',
    citations: [IAM_THIRD_PARTY, STS_ASSUME_ROLE],
    matrix: [cell(HARNESS, 'sts:AssumeRole', 'role partner, its ExternalId', 'allow', 'AssumeRole(partner)'), cell('partner (AssumeRole with ExternalId)', 's3:GetObject', 'partner/*', 'allow', 'GetObject(partner/)')],
    async run(ctx) {
      const { credentials } = await ctx.expect.succeeds('AssumeRole(partner)', assumeWith(ctx, 'partner', 'idchain-partner', { externalId: EXTERNAL_ID }), IAM_THIRD_PARTY);
      await readsAllowed(ctx, credentials, 'partner/terms.txt', 'GetObject(partner/)', STS_ASSUME_ROLE);
    },
  },
];

const AUDITED = 'tagger (AssumeRole, SourceIdentity)';

/** SourceIdentity: set once, visible, persistent. */
export const sourceIdentityCases: CaseDefinition[] = [
  {
    id: 'attributes/source-identity-set-and-visible',
    title: 'AssumeRole with a SourceIdentity answers it, and aws:SourceIdentity lets the session read audit/; a session without it is AccessDenied 403',
    citations: [STS_ASSUME_ROLE, IAM_SOURCE_IDENTITY, S3_ACCESS_DENIED],
    matrix: [cell(AUDITED, 's3:GetObject', 'audit/* (aws:SourceIdentity)', 'allow', 'GetObject(audit/)'), cell(TAGGED, 's3:GetObject', 'audit/* (aws:SourceIdentity)', 'deny', 'GetObject(audit/) without')],
    async run(ctx) {
      const audited = await ctx.expect.succeeds('AssumeRole(tagger, SourceIdentity)', assumeWith(ctx, 'tagger', 'idchain-audited', { sourceIdentity: AUDITOR }), IAM_SOURCE_IDENTITY);
      ctx.expect.equal('AssumeRole(tagger, SourceIdentity).SourceIdentity', audited.sourceIdentity, AUDITOR, cite(STS_ASSUME_ROLE, 'SourceIdentity in the answer'));
      await readsAllowed(ctx, audited.credentials, 'audit/log.txt', 'GetObject(audit/)', cite(IAM_SOURCE_IDENTITY, 'aws:SourceIdentity in later requests'));
      const plain = await ctx.expect.succeeds('AssumeRole(tagger)', assumeWith(ctx, 'tagger', 'idchain-plain'), STS_ASSUME_ROLE);
      await readsDenied(ctx, plain.credentials, sessionArn(ctx, 'tagger', 'idchain-plain'), 'audit/log.txt', 'GetObject(audit/) without', [IAM_SOURCE_IDENTITY, S3_ACCESS_DENIED]);
    },
  },
  {
    id: 'attributes/source-identity-persists-and-cannot-change',
    title: 'A session with a SourceIdentity chains into another role keeping it; naming another SourceIdentity when chaining is refused: ValidationError',
    citations: [IAM_SOURCE_IDENTITY, STS_ASSUME_ROLE, TRANSITIVE_CONFLICT_OBSERVED],
    matrix: [cell('chained (from tagger, source identity)', 's3:GetObject', 'audit/* (aws:SourceIdentity)', 'allow', 'GetObject(audit/)')],
    async run(ctx) {
      const first = await ctx.expect.succeeds('AssumeRole(tagger, SourceIdentity)', assumeWith(ctx, 'tagger', 'idchain-audited', { sourceIdentity: AUDITOR }), IAM_SOURCE_IDENTITY);
      const chained = await ctx.expect.succeeds('AssumeRole(chained)', chainInto(ctx, first.credentials, 'chained', 'idchain-chained'), IAM_SOURCE_IDENTITY);
      await readsAllowed(ctx, chained.credentials, 'audit/log.txt', 'GetObject(audit/)', cite(IAM_SOURCE_IDENTITY, 'the value persists when a role is used to assume another role'));
      await ctx.expect.error(
        'AssumeRole(chained, another SourceIdentity)',
        chainInto(ctx, first.credentials, 'chained', 'idchain-chained', { sourceIdentity: 'idchain-someone-else' }),
        { name: 'ValidationError', httpStatus: 400, message: 'The source identity is already set for this assume role session' },
        [cite(IAM_SOURCE_IDENTITY, 'the value cannot be changed during the role session'), TRANSITIVE_CONFLICT_OBSERVED],
      );
    },
  },
];

/** Tags from federation: SAML attributes and the web identity claim. */
export const federatedTagCases: CaseDefinition[] = [
  {
    id: 'attributes/saml-principal-tags-decide-s3',
    title: 'A SAML assertion with PrincipalTag:project = beta (transitive) tags the session: it reads projects/beta/, not projects/alpha/, and so does a session it chains into',
    citations: [STS_ASSUME_ROLE_WITH_SAML, SAML_SESSION_TAGS, IAM_SESSION_TAGS, S3_ACCESS_DENIED],
    matrix: [
      cell('saml-tagged (SAML PrincipalTag project)', 's3:GetObject', 'projects/<project tag>/*', 'allow', 'GetObject(projects/beta/)'),
      cell('saml-tagged (SAML PrincipalTag project)', 's3:GetObject', 'projects/<another project>/*', 'deny', 'GetObject(projects/alpha/)'),
      cell('chained (from saml-tagged)', 's3:GetObject', 'projects/<project tag>/*', 'allow', 'GetObject(projects/beta/) chained'),
    ],
    async run(ctx) {
      const saml = await ctx.expect.succeeds('AssumeRoleWithSAML', samlTaggedSession(ctx, { project: 'beta' }, ['project']), SAML_SESSION_TAGS);
      await readsAllowed(ctx, saml.credentials, 'projects/beta/plan.txt', 'GetObject(projects/beta/)', SAML_SESSION_TAGS);
      await readsDenied(ctx, saml.credentials, sessionArn(ctx, 'saml-tagged', 'dana'), 'projects/alpha/plan.txt', 'GetObject(projects/alpha/)', [SAML_SESSION_TAGS, S3_ACCESS_DENIED]);
      const chained = await ctx.expect.succeeds('AssumeRole(chained)', chainInto(ctx, saml.credentials, 'chained', 'idchain-chained'), IAM_SESSION_TAGS);
      await readsAllowed(ctx, chained.credentials, 'projects/beta/plan.txt', 'GetObject(projects/beta/) chained', cite(SAML_SESSION_TAGS, 'TransitiveTagKeys'));
    },
  },
  {
    id: 'attributes/web-identity-tags-claim-decides-s3',
    title: "A developer OpenID token's PrincipalTags (project = alpha) tag the AssumeRoleWithWebIdentity session: it reads projects/alpha/, not projects/beta/",
    citations: [DEVELOPER_PRINCIPAL_TAGS, WEB_IDENTITY_SESSION_TAGS, DEVELOPER_TAGS_CLAIM_INFERRED, STS_ASSUME_ROLE_WITH_WEB_IDENTITY, S3_ACCESS_DENIED],
    matrix: [
      cell('web-tagged (developer token tags)', 's3:GetObject', 'projects/<project tag>/*', 'allow', 'GetObject(projects/alpha/)'),
      cell('web-tagged (developer token tags)', 's3:GetObject', 'projects/<another project>/*', 'deny', 'GetObject(projects/beta/)'),
    ],
    async run(ctx) {
      const web = await ctx.expect.succeeds('AssumeRoleWithWebIdentity', webTaggedSession(ctx, { project: 'alpha' }), [WEB_IDENTITY_SESSION_TAGS, DEVELOPER_TAGS_CLAIM_INFERRED]);
      await readsAllowed(ctx, web.credentials, 'projects/alpha/plan.txt', 'GetObject(projects/alpha/)', [WEB_IDENTITY_SESSION_TAGS, DEVELOPER_TAGS_CLAIM_INFERRED]);
      await readsDenied(ctx, web.credentials, sessionArn(ctx, 'web-tagged', 'idchain-web'), 'projects/beta/plan.txt', 'GetObject(projects/beta/)', [WEB_IDENTITY_SESSION_TAGS, S3_ACCESS_DENIED]);
    },
  },
];
