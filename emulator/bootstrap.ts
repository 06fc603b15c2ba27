import type { EmulatorState } from './state';
import { iamUniqueId } from './ids';
import { freshAdminKeys, type AdminKeys } from './admin-keys';
import { iamArn } from './region';
import { ADMINISTRATOR_ACCESS } from './authz/principal-policies';

export const BOOTSTRAP_USER = 'idchain-admin';

/**
 * The emulator starts with one IAM user and a long-term key, generated fresh
 * each start unless fixed keys were given (`--credentials`), so callers sign
 * requests the way they would in a real account.
 * Keys the emulator did not issue are refused, as AWS refuses unknown keys.
 * The user holds AdministratorAccess, so it is authorized like any other
 * principal, by policy evaluation, and may do everything no explicit Deny
 * refuses — a bucket policy's included: it is an administrator IAM user, not
 * the account's root user, whom S3 alone lets manage a bucket policy that
 * denies it [doc: S3-API DeleteBucketPolicy].
 */
export function bootstrapAdmin(state: EmulatorState, keys: AdminKeys = freshAdminKeys()): AdminKeys {
  const userId = iamUniqueId('AIDA');
  const arn = iamArn(state.region, state.accountId, `user/${BOOTSTRAP_USER}`);
  state.iam.users.set(BOOTSTRAP_USER, { userName: BOOTSTRAP_USER, userId, arn, path: '/', createDate: state.clock.now(), policies: [ADMINISTRATOR_ACCESS] });
  const credentials = { accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey };
  state.iam.accessKeys.set(credentials.accessKeyId, { accessKeyId: credentials.accessKeyId, userName: BOOTSTRAP_USER, status: 'Active', createDate: state.clock.now() });
  state.credentials.set(credentials.accessKeyId, {
    ...credentials,
    source: 'bootstrap',
    principal: { kind: 'user', accountId: state.accountId, arn, userId, userName: BOOTSTRAP_USER },
  });
  return credentials;
}
