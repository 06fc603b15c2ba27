import { generateKeyPair, generateKeyPairSync, type KeyObject } from 'node:crypto';

/**
 * RSA-2048 key pairs made ahead of need. Generating one takes 50–300 ms of CPU;
 * done synchronously when a pool first signs a token, it stalls every request
 * behind it. So whatever will need a key orders one when it is created (a user
 * pool, the first identity pool), and the key is made on libuv's thread pool
 * while the emulator goes on serving; if it is not ready when asked for, one
 * is made on the spot. One key per order and no more: an earlier "keep four
 * ready" reserve made 14 keys in a contract run that used 10, each spare a
 * tenth of a second of a core spent for nothing. Keys are never reused: each
 * is handed out once.
 */
const ready: { privateKey: KeyObject; publicKey: KeyObject }[] = [];

/** Start making one key in the background, for something that will sign soon. */
export function orderRsaKeyPair(): void {
  generateKeyPair('rsa', { modulusLength: 2048 }, (err, publicKey, privateKey) => {
    if (!err) ready.push({ publicKey, privateKey });
  });
}

/** A fresh key pair: an ordered one when it is ready, else made now. */
export function takeRsaKeyPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  return ready.shift() ?? generateKeyPairSync('rsa', { modulusLength: 2048 });
}
