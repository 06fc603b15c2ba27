import { idpHarness } from './test-support';

// A pool orders its RSA key (0.1–0.3 s of a core) once it exists, not before:
// a refused CreateUserPool — a fuzzer's, a hostile client's flood — costs no
// key generation. Observed where the cost is, node's key generation: none
// made for the refused request, one for the pool made.
describe('CreateUserPool orders its signing key only when the pool is made', () => {
  const crypto = jest.requireActual<typeof import('node:crypto')>('node:crypto');
  let generate: jest.SpyInstance;
  beforeEach(() => {
    // Made, not finished: nothing here waits for the key.
    generate = jest.spyOn(crypto, 'generateKeyPair').mockImplementation((() => undefined) as unknown as typeof crypto.generateKeyPair);
  });
  afterEach(() => generate.mockRestore());

  it('a refused request orders none', async () => {
    const h = idpHarness();
    await expect(h.fail('CreateUserPool', { PoolName: 'bad/name' })).resolves.toMatchObject({ code: 'InvalidParameterException', status: 400 });
    expect(generate).not.toHaveBeenCalled();
  });

  it('a pool made orders one', async () => {
    const h = idpHarness();
    await h.call('CreateUserPool', { PoolName: 'people' });
    expect(generate).toHaveBeenCalledTimes(1);
    expect(generate.mock.calls[0].slice(0, 2)).toEqual(['rsa', { modulusLength: 2048 }]);
  });
});
