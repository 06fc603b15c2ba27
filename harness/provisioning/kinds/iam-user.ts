import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeleteUserCommand,
  DeleteUserPolicyCommand,
  ListAccessKeysCommand,
  ListUserPoliciesCommand,
  ListUsersCommand,
  ListUserTagsCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import { withPropagationRetry } from '../../clients/propagation-retry';
import type { Credentials } from '../../targets/target';
import { policyDocument, type PolicyStatement } from '../policies';
import type { Listed, ResourceKind, ResourceRef } from '../resource-kind';
import { callerKind } from './caller';
import { ignoreGone } from './gone';
import { iamTags, tagsOf } from './iam-tags';

/**
 * An IAM user with long-term keys, for the calls only such a user may make:
 * GetFederationToken and GetSessionToken ("You must call the
 * GetFederationToken operation using the long-term security credentials of an
 * IAM user" [doc: STS-API GetFederationToken]; role credentials answer
 * "Cannot call GetFederationToken with session credentials" [obs:
 * fwdcloudsec/granted#151]) and AssumeRole that is not role chaining.
 */
export interface LongTermUser {
  arn: string;
  /** `own`: the harness signs as an IAM user already; `throwaway`: a user made for this fixture. */
  origin: 'own' | 'throwaway';
  /** STS signed with the user's long-term keys. */
  sts: STSClient;
  /** The throwaway user's keys: in memory only, never ledgered or written. */
  credentials?: Credentials;
}

export const LONG_TERM_USER: ResourceRef = { kind: 'iam-user', key: 'iam-user' };

/**
 * What a fixture says about its long-term user: what it must be able to hand
 * on. A federated user's permissions are its IAM user's AND the session
 * policy [doc: IAM-UG "Permissions for GetFederationToken"], so a broker can
 * only delegate what it holds itself.
 */
export interface LongTermUserSpec {
  /** Statements the throwaway user holds beyond federating (the harness's own user is taken to hold them already). */
  delegates?: PolicyStatement[];
}

/**
 * All the throwaway user may do beyond what trust policies grant it directly:
 * federate (STS-API GetFederationToken needs sts:GetFederationToken on the
 * federated user), and what the fixture says it delegates. The permissions
 * boundary, when configured, caps it too.
 */
function userPolicy(partition: string, accountId: string, spec: LongTermUserSpec | undefined) {
  return policyDocument({ Effect: 'Allow', Action: 'sts:GetFederationToken', Resource: `arn:${partition}:sts::${accountId}:federated-user/*` }, ...(spec?.delegates ?? []));
}

/** A new access key answers InvalidClientTokenId until IAM has propagated it (about 10–15 s [obs: aws/aws-sdk-js#559, hvac/hvac#493]). */
const isKeyNotYetVisible = (err: unknown) => (err as { name?: string })?.name === 'InvalidClientTokenId';

/** idchain's own users only: `idchain-<runId>-…`, never another principal that happens to start `idchain-` (the emulator's administrator is `idchain-admin`). */
const OWN_USER = /^idchain-[0-9a-f]{8}-/;

/**
 * The IAM user a fixture's long-term calls sign as. When the harness signs
 * as an IAM user already, that user; when it signs as a role session or as
 * root (which caps these sessions at one hour), a throwaway
 * `idchain-<run>-<scope>-caller` user with the permissions boundary, the run
 * tags, one inline policy and an access key — ledgered, so teardown and sweep
 * delete it; its keys are kept in memory only.
 */
export const iamUserKind: ResourceKind<{ longTermUser?: LongTermUserSpec }, LongTermUserSpec | undefined, LongTermUser> = {
  kind: 'iam-user',
  noun: 'IAM user',
  // Made when a trust names `r.iamUserArn`, or when the fixture declares `longTermUser`.
  implicit: true,
  declared: (spec) => (spec.longTermUser ? [{ kind: 'iam-user', key: LONG_TERM_USER.key, spec: spec.longTermUser, needs: [] }] : []),
  async create({ spec }, ctx) {
    const who = await ctx.step('caller identity', () => ctx.clients.sts.send(new GetCallerIdentityCommand({})));
    const arn = who.Arn ?? '';
    if (!['assumed-role', 'root'].includes(callerKind(arn))) return { arn, origin: 'own', sts: ctx.clients.sts };

    const partition = /^arn:([\w-]+):/.exec(arn)?.[1] ?? 'aws';
    const userName = ctx.name('caller');
    // A user's name is its id: known before the call, so a user whose answer was lost is found by it.
    ctx.ledger.creating('iam-user', userName, { id: userName, tags: ctx.tags });
    const created = await ctx.step('IAM user for long-term keys', () =>
      ctx.clients.iam.send(new CreateUserCommand({ UserName: userName, PermissionsBoundary: ctx.permissionsBoundary, Tags: iamTags(ctx.tags) })),
    );
    ctx.ledger.created('iam-user', userName, userName);
    await ctx.step('policy of the IAM user', () =>
      ctx.clients.iam.send(new PutUserPolicyCommand({ UserName: userName, PolicyName: 'idchain-long-term', PolicyDocument: JSON.stringify(userPolicy(partition, who.Account ?? '', spec)) })),
    );
    const { AccessKey } = await ctx.step('access key of the IAM user', () => ctx.clients.iam.send(new CreateAccessKeyCommand({ UserName: userName })));
    const credentials: Credentials = { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
    const sts = ctx.clients.stsWith(credentials);
    await ctx.step('access key of the IAM user', () =>
      withPropagationRetry(() => sts.send(new GetCallerIdentityCommand({})), {
        policy: ctx.retry,
        retryIf: isKeyNotYetVisible,
        onRetry: ({ attempt }) => ctx.log?.(`IAM user ${userName}: waiting for IAM to accept its new access key (attempt ${attempt})`),
      }),
    );
    return { arn: created.User!.Arn!, origin: 'throwaway', sts, credentials };
  },
  // In goldens the user is the caller of the calls it signs, as the harness's own IAM user is.
  names: (_key, user) => (user.origin === 'throwaway' ? [{ logical: 'caller', value: user.arn }] : []),
  ledgered: {
    async delete(clients, entry) {
      return ignoreGone(
        (async () => {
          // IAM refuses to delete a user that still has access keys or inline policies (IAM-API DeleteUser).
          const { AccessKeyMetadata = [] } = await clients.iam.send(new ListAccessKeysCommand({ UserName: entry.name }));
          for (const key of AccessKeyMetadata) await clients.iam.send(new DeleteAccessKeyCommand({ UserName: entry.name, AccessKeyId: key.AccessKeyId }));
          const { PolicyNames = [] } = await clients.iam.send(new ListUserPoliciesCommand({ UserName: entry.name }));
          for (const PolicyName of PolicyNames) await clients.iam.send(new DeleteUserPolicyCommand({ UserName: entry.name, PolicyName }));
          await clients.iam.send(new DeleteUserCommand({ UserName: entry.name }));
        })(),
      );
    },
    async list(clients) {
      const found: Listed[] = [];
      let marker: string | undefined;
      do {
        const page = await clients.iam.send(new ListUsersCommand({ Marker: marker }));
        for (const user of page.Users ?? []) if (OWN_USER.test(user.UserName ?? '')) found.push({ name: user.UserName!, id: user.UserName!, createdAt: user.CreateDate });
        marker = page.IsTruncated ? page.Marker : undefined;
      } while (marker);
      return found;
    },
    async describe(clients, found) {
      const { Tags } = await clients.iam.send(new ListUserTagsCommand({ UserName: found.name }));
      return { tags: tagsOf(Tags) };
    },
  },
};
