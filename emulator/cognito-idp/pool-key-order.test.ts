import * as reserve from '../rsa-key-reserve';
import { idpHarness } from './test-support';

// A pool orders its RSA key (0.1–0.3 s of a core) once it exists, not before:
// a refused CreateUserPool — a fuzzer's, a hostile client's flood — costs no
// key generation.
describe('CreateUserPool orders its signing key only when the pool is made', () => {
  let order: jest.SpyInstance;
  beforeEach(() => {
    order = jest.spyOn(reserve, 'orderRsaKeyPair').mockImplementation(() => {});
  });
  afterEach(() => order.mockRestore());

  it('a refused request orders none', async () => {
    const h = idpHarness();
    await expect(h.fail('CreateUserPool', { PoolName: 'bad/name' })).resolves.toMatchObject({ code: 'InvalidParameterException', status: 400 });
    expect(order).not.toHaveBeenCalled();
  });

  it('a pool made orders one', async () => {
    const h = idpHarness();
    await h.call('CreateUserPool', { PoolName: 'people' });
    expect(order).toHaveBeenCalledTimes(1);
  });
});
