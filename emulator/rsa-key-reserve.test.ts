import { createSign, createVerify } from 'node:crypto';
import { orderRsaKeyPair, takeRsaKeyPair } from './rsa-key-reserve';

// Keys from the reserve are real RSA-2048 pairs and never handed out twice,
// whether taken before the background generation finished or after.
function fingerprint(key: ReturnType<typeof takeRsaKeyPair>): string {
  return key.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
}

test('a key taken at once (reserve still empty) and keys taken later are distinct 2048-bit pairs that sign and verify', async () => {
  const first = takeRsaKeyPair();
  orderRsaKeyPair();
  orderRsaKeyPair();
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const later = [takeRsaKeyPair(), takeRsaKeyPair(), takeRsaKeyPair()];
  const all = [first, ...later];
  expect(new Set(all.map(fingerprint)).size).toBe(4);
  for (const key of all) {
    expect(key.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    const signature = createSign('sha256').update('payload').sign(key.privateKey);
    expect(createVerify('sha256').update('payload').verify(key.publicKey, signature)).toBe(true);
  }
});
