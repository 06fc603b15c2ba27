import { newAccessKeyId, secretAccessKey } from './ids';

/** The bootstrap administrator's long-term keys: what a client signs with. */
export interface AdminKeys {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** An emulator option that cannot be used: nothing was started. */
export class EmulatorOptionError extends Error {
  override readonly name = 'EmulatorOptionError';
}

/**
 * IAM's AccessKeyId is `[\w]+`, 16–128 characters [doc: IAM-API "AccessKey"
 * data type]. The emulator accepts any length from 1 so that the conventional
 * fixed emulator keys (`test`, as moto and LocalStack take) work; the
 * character set is IAM's, which also keeps the id out of the SigV4 scope's
 * `/` and the Authorization header's `,` and `=`. IAM documents no pattern
 * for the secret: any visible ASCII without spaces, at most 128 characters.
 */
const ACCESS_KEY_ID = /^\w{1,128}$/;
const SECRET = /^[\x21-\x7e]{1,128}$/;

const FORMAT = 'Expected ACCESS_KEY_ID:SECRET_ACCESS_KEY, e.g. test:test: an id of letters, digits and _ (at most 128), a colon, a secret of visible ASCII without spaces (at most 128).';

/** Check fixed keys before anything starts; returns them unchanged. */
export function checkAdminKeys(keys: AdminKeys): AdminKeys {
  if (!ACCESS_KEY_ID.test(keys.accessKeyId)) throw new EmulatorOptionError(`Access key id not allowed: ${JSON.stringify(keys.accessKeyId)}. ${FORMAT}`);
  // The secret itself is never echoed: it may be a real one pasted by mistake.
  if (!SECRET.test(keys.secretAccessKey)) throw new EmulatorOptionError(`Secret access key not allowed (${keys.secretAccessKey.length} characters). ${FORMAT}`);
  return { accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey };
}

/** `AK:SK` as given to `--credentials` or IDCHAIN_EMULATOR_CREDENTIALS; the secret may itself contain colons. */
export function parseAdminKeys(text: string): AdminKeys {
  const colon = text.indexOf(':');
  if (colon < 0) throw new EmulatorOptionError(`Credentials not allowed: no colon between the access key id and the secret. ${FORMAT}`);
  return checkAdminKeys({ accessKeyId: text.slice(0, colon), secretAccessKey: text.slice(colon + 1) });
}

/** Fresh keys shaped like IAM's (`AKIA…`, 40-character secret), for a start without fixed ones. */
export function freshAdminKeys(): AdminKeys {
  return { accessKeyId: newAccessKeyId('AKIA'), secretAccessKey: secretAccessKey() };
}
