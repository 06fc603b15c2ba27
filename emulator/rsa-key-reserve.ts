import { generateKeyPair, generateKeyPairSync, type KeyObject } from 'node:crypto';

/**
 * RSA-2048 key pairs made ahead of need. Generating one takes 50–300 ms of CPU;
 * done synchronously when a pool first signs a token, it stalls every request
 * behind it. Made here on libuv's thread pool while the emulator serves other
 * requests, a key is usually ready when asked for; if none is, one is made on
 * the spot as before. Keys are never reused: each is handed out once.
 */
const RESERVE_SIZE = 4;
const ready: { privateKey: KeyObject; publicKey: KeyObject }[] = [];
const making = new Set<Promise<void>>();

/**
 * Start making keys until the reserve is full (cheap to call often). The
 * promise settles when every key being made has been; callers other than
 * tests need not wait for it.
 */
export function refillRsaReserve(): Promise<void> {
  while (ready.length + making.size < RESERVE_SIZE) {
    const made: Promise<void> = new Promise((resolve) =>
      generateKeyPair('rsa', { modulusLength: 2048 }, (err, publicKey, privateKey) => {
        making.delete(made);
        if (!err) ready.push({ publicKey, privateKey });
        resolve();
      }),
    );
    making.add(made);
  }
  return Promise.all(making).then(() => {});
}

/** A fresh key pair: a ready one when there is one, else made now. */
export function takeRsaKeyPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  const key = ready.shift() ?? generateKeyPairSync('rsa', { modulusLength: 2048 });
  void refillRsaReserve();
  return key;
}
