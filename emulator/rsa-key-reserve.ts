import { generateKeyPair, generateKeyPairSync, type KeyObject } from 'node:crypto';

export interface RsaKeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/**
 * RSA-2048 key pairs made ahead of need. Generating one takes 50–300 ms of CPU
 * (more on a loaded machine); done synchronously when a pool first signs a
 * token, it stalls every request behind it. So whatever will need a key
 * orders one when it is created (a user pool, the first identity pool), and
 * the key is made on libuv's thread pool while the emulator goes on serving.
 * One key per order and no more: an earlier "keep four ready" reserve made 14
 * keys in a contract run that used 10, each spare a tenth of a second of a
 * core spent for nothing. Keys are never reused: each is handed out once.
 */
const ready: RsaKeyPair[] = [];
/** Who waits for a key still being made, first come first served. */
const waiting: ((pair: RsaKeyPair) => void)[] = [];
/** Keys ordered and not yet made: generating now, or queued behind those. */
let making = 0;
let generating = 0;

/**
 * Keys generated at once. libuv's thread pool (four threads, shared by the
 * whole process) also signs every token (jwt-sign.ts) and, in the harness's
 * process, its own IdPs' keys and signatures: ten pools created together
 * used to fill all four threads with 0.1–0.3 s key generations, and every
 * sign-in behind them waited with both cores idle. Two at a time still keep
 * a 2-core machine's spare core busy and leave the pool room for the rest.
 */
const GENERATING_AT_ONCE = 2;

function generate(): void {
  generating++;
  generateKeyPair('rsa', { modulusLength: 2048 }, (err, publicKey, privateKey) => {
    generating--;
    making--;
    if (making > generating) generate();
    const pair = err ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : { publicKey, privateKey };
    const next = waiting.shift();
    if (next) next(pair);
    else ready.push(pair);
  });
}

function makeInBackground(): void {
  making++;
  if (generating < GENERATING_AT_ONCE) generate();
}

/** Start making one key in the background, for something that will sign soon. */
export function orderRsaKeyPair(): void {
  makeInBackground();
}

/**
 * A fresh key pair for one that signs now: a ready one, else the next one
 * being made (the caller waits, the emulator does not), else one ordered now.
 * A pool created a moment before its first sign-in so waits for its own
 * order instead of making a second key on the emulator's thread.
 */
export function nextRsaKeyPair(): Promise<RsaKeyPair> {
  const pair = ready.shift();
  if (pair) return Promise.resolve(pair);
  if (making <= waiting.length) makeInBackground();
  return new Promise((resolve) => waiting.push(resolve));
}

/** A fresh key pair at once, for a caller that cannot wait: a ready one, else made now, synchronously. */
export function takeRsaKeyPair(): RsaKeyPair {
  return ready.shift() ?? generateKeyPairSync('rsa', { modulusLength: 2048 });
}
