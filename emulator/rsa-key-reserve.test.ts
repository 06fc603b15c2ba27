import { createSign, createVerify } from 'node:crypto';
import { nextRsaKeyPair, orderRsaKeyPair, takeRsaKeyPair } from './rsa-key-reserve';

// Keys from the reserve are real RSA-2048 pairs and never handed out twice,
// whether taken before the background generation finished or after.
function fingerprint(key: ReturnType<typeof takeRsaKeyPair>): string {
  return key.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
}

test('a key taken at once (reserve still empty), keys ordered and waited for, and one taken after are distinct 2048-bit pairs that sign and verify', async () => {
  const first = takeRsaKeyPair();
  orderRsaKeyPair();
  orderRsaKeyPair();
  // Waited for, not slept on: no clock decides whether the ordered keys are there.
  const later = [await nextRsaKeyPair(), await nextRsaKeyPair(), takeRsaKeyPair()];
  const all = [first, ...later];
  expect(new Set(all.map(fingerprint)).size).toBe(4);
  for (const key of all) {
    expect(key.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    const signature = createSign('sha256').update('payload').sign(key.privateKey);
    expect(createVerify('sha256').update('payload').verify(key.publicKey, signature)).toBe(true);
  }
});

describe('nextRsaKeyPair: for a token about to be signed', () => {
  const crypto = jest.requireActual<typeof import('node:crypto')>('node:crypto');
  let sync: jest.SpyInstance;
  beforeEach(() => {
    // Empty whatever earlier tests left ready, so each test starts from none.
    while (drainReady());
    sync = jest.spyOn(crypto, 'generateKeyPairSync');
  });
  afterEach(() => sync.mockRestore());

  function drainReady(): boolean {
    const spy = jest.spyOn(crypto, 'generateKeyPairSync').mockImplementation(() => {
      throw new Error('none ready');
    });
    try {
      takeRsaKeyPair();
      return true;
    } catch {
      return false;
    } finally {
      spy.mockRestore();
    }
  }

  test('waits for the key ordered a moment before, and a second caller gets a key of its own, none made on the calling thread', async () => {
    orderRsaKeyPair();
    const [a, b] = await Promise.all([nextRsaKeyPair(), nextRsaKeyPair()]);
    expect(fingerprint(a)).not.toBe(fingerprint(b));
    expect(a.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(sync).not.toHaveBeenCalled();
  });

  test('with nothing ordered, orders one and waits for it', async () => {
    const pair = await nextRsaKeyPair();
    const signature = createSign('sha256').update('payload').sign(pair.privateKey);
    expect(createVerify('sha256').update('payload').verify(pair.publicKey, signature)).toBe(true);
    expect(sync).not.toHaveBeenCalled();
  });
});

test('five keys ordered together are generated two at a time, leaving the thread pool room for the signatures every sign-in needs', async () => {
  const crypto = jest.requireActual<typeof import('node:crypto')>('node:crypto');
  const real = crypto.generateKeyPair;
  let inFlight = 0;
  let most = 0;
  const spy = jest.spyOn(crypto, 'generateKeyPair').mockImplementation(((type: 'rsa', options: unknown, done: (...args: unknown[]) => void) => {
    inFlight++;
    most = Math.max(most, inFlight);
    return (real as (...args: unknown[]) => void)(type, options, (...args: unknown[]) => {
      inFlight--;
      done(...args);
    });
  }) as unknown as typeof crypto.generateKeyPair);
  try {
    for (let i = 0; i < 5; i++) orderRsaKeyPair();
    const keys = await Promise.all(Array.from({ length: 5 }, () => nextRsaKeyPair()));
    expect(new Set(keys.map(fingerprint)).size).toBe(5);
    expect(spy).toHaveBeenCalledTimes(5);
    expect(most).toBe(2);
  } finally {
    spy.mockRestore();
  }
});
