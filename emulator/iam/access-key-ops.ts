import type { RequestContext } from '../service';
import { newAccessKeyId, secretAccessKey } from '../ids';
import { str } from './role-input';
import { Violations, type StringConstraint } from './validation';
import { requireUser } from './user-ops';
import { limitExceeded } from './iam-errors';
import { noSuchAccessKey } from './entity-errors';
import { paginate, readPageRequest } from './pagination';
import type { AccessKeyEntry } from './state';

type Input = Record<string, unknown>;

/** "The number of access keys … per user: 2" [doc: IAM-UG "IAM and AWS STS quotas"]. */
const ACCESS_KEYS_PER_USER = 2;
/** [doc: IAM-API DeleteAccessKey, AccessKeyId: 16–128, `[\w]+`] */
const ACCESS_KEY_ID: StringConstraint = { required: true, min: 16, max: 128, pattern: '[\\w]+' };

/**
 * The user a key operation is about: `UserName`, or without it the user whose
 * keys signed the request ("If you do not specify a user name, IAM determines
 * the user name implicitly based on the Amazon Web Services access key ID
 * signing the request" [doc: IAM-API CreateAccessKey, DeleteAccessKey, ListAccessKeys]).
 */
function targetUser(input: Input, ctx: RequestContext, checkOthers?: (v: Violations) => void) {
  const caller = ctx.caller;
  const named = input.UserName !== undefined ? input : caller?.kind === 'user' ? { ...input, UserName: caller.userName } : input;
  return requireUser(ctx, named, checkOthers);
}

function metadata(key: AccessKeyEntry) {
  return { UserName: key.userName, AccessKeyId: key.accessKeyId, Status: key.status, CreateDate: key.createDate };
}

/**
 * IAM-API CreateAccessKey: a long-term key (AKIA…) and its secret, answered
 * once and never again. A third key is LimitExceeded "Cannot exceed quota for
 * AccessKeysPerUser: 2" [obs: the message moto reproduces from AWS]. The key
 * signs as the user from the next request on (the emulator has no
 * propagation delay unless weather says so).
 */
export function createAccessKey(input: Input, ctx: RequestContext) {
  const user = targetUser(input, ctx);
  const keys = [...ctx.state.iam.accessKeys.values()].filter((k) => k.userName === user.userName);
  if (keys.length >= ACCESS_KEYS_PER_USER) throw limitExceeded(`Cannot exceed quota for AccessKeysPerUser: ${ACCESS_KEYS_PER_USER}`);
  const entry: AccessKeyEntry = { accessKeyId: newAccessKeyId('AKIA'), userName: user.userName, status: 'Active', createDate: ctx.now };
  const secret = secretAccessKey();
  ctx.state.iam.accessKeys.set(entry.accessKeyId, entry);
  ctx.state.credentials.set(entry.accessKeyId, {
    accessKeyId: entry.accessKeyId,
    secretAccessKey: secret,
    source: 'CreateAccessKey',
    principal: { kind: 'user', accountId: ctx.state.accountId, arn: user.arn, userId: user.userId, userName: user.userName },
  });
  return { AccessKey: { UserName: user.userName, AccessKeyId: entry.accessKeyId, Status: entry.status, SecretAccessKey: secret, CreateDate: entry.createDate } };
}

/** IAM-API DeleteAccessKey: the key stops signing at once. A key the user does not have is NoSuchEntity. */
export function deleteAccessKey(input: Input, ctx: RequestContext) {
  const id = str(input, 'AccessKeyId');
  const user = targetUser(input, ctx, (v) => v.string(id, 'accessKeyId', ACCESS_KEY_ID));
  const entry = ctx.state.iam.accessKeys.get(id!);
  if (!entry || entry.userName !== user.userName) throw noSuchAccessKey(id!);
  ctx.state.iam.accessKeys.delete(entry.accessKeyId);
  ctx.state.credentials.delete(entry.accessKeyId);
  return undefined;
}

/** IAM-API ListAccessKeys: the user's keys, without secrets. */
export function listAccessKeys(input: Input, ctx: RequestContext) {
  let page = {};
  const user = targetUser(input, ctx, (v) => {
    page = readPageRequest(input, v);
  });
  const keys = [...ctx.state.iam.accessKeys.values()].filter((k) => k.userName === user.userName);
  const { items, IsTruncated, Marker } = paginate(keys, page);
  return { AccessKeyMetadata: items.map(metadata), IsTruncated, Marker };
}
