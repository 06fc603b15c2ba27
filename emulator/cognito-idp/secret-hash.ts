import { createHmac, timingSafeEqual } from 'node:crypto';
import { notAuthorized } from './idp-errors';
import type { AppClient } from './state';

/**
 * `SECRET_HASH` = Base64(HMAC-SHA256(key = client secret, message = username + client id))
 * [doc: CG "Computing secret hash values"].
 */
export function computeSecretHash(clientSecret: string, username: string, clientId: string): string {
  return createHmac('sha256', clientSecret).update(username + clientId).digest('base64');
}

/**
 * When the client has a secret, SECRET_HASH is required and must match one of
 * the usernames the caller could have hashed (the username, or for refresh the
 * user's sub) [doc: UP-API InitiateAuth AuthParameters]. Messages
 * [obs: public client code mapping "Client <id> is configured with secret but
 * SECRET_HASH was not received" and "Unable to verify secret hash for client <id>"].
 */
export function assertSecretHash(client: AppClient, secretHash: string | undefined, usernames: readonly string[]): void {
  if (!client.clientSecret) return;
  if (secretHash === undefined || secretHash === '') {
    throw notAuthorized(`Client ${client.clientId} is configured with secret but SECRET_HASH was not received`);
  }
  const given = Buffer.from(secretHash);
  const ok = usernames.some((name) => {
    const expected = Buffer.from(computeSecretHash(client.clientSecret!, name, client.clientId));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  if (!ok) throw notAuthorized(`Unable to verify secret hash for client ${client.clientId}`);
}
