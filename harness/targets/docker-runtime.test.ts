import { UsageError } from '../errors';
import { loadTestcontainers, testcontainersRuntimeFrom } from './docker-runtime';
import { localStackTarget } from './localstack';

// What Node throws when a package is not installed: require() and import() spell it differently.
function notFound(code: 'MODULE_NOT_FOUND' | 'ERR_MODULE_NOT_FOUND', name: string): Error {
  const message =
    code === 'MODULE_NOT_FOUND'
      ? `Cannot find module '${name}'`
      : `Cannot find package '${name}' imported from /app/node_modules/testcontainers/build/index.js`;
  return Object.assign(new Error(message), { code });
}

describe('testcontainers, an optional peer dependency', () => {
  it.each(['MODULE_NOT_FOUND', 'ERR_MODULE_NOT_FOUND'] as const)('missing (%s) is a configuration error (exit 2) that says what to install', async (code) => {
    const failure = loadTestcontainers(() => Promise.reject(notFound(code, 'testcontainers')));
    await expect(failure).rejects.toBeInstanceOf(UsageError);
    await expect(failure).rejects.toThrow(/testcontainers .*not installed.*npm install --save-dev testcontainers@\^11.*--endpoint URL/);
  });

  it.each(['MODULE_NOT_FOUND', 'ERR_MODULE_NOT_FOUND'] as const)('a package missing inside testcontainers (%s) is not reported as testcontainers missing', async (code) => {
    const failure = loadTestcontainers(() => Promise.reject(notFound(code, 'ssh2')));
    await expect(failure).rejects.not.toBeInstanceOf(UsageError);
    await expect(failure).rejects.toThrow(/Cannot find (module|package) 'ssh2'/);
  });

  it('--target localstack without it exits 2 before probing for Docker', async () => {
    const runtime = testcontainersRuntimeFrom(() => Promise.reject(notFound('MODULE_NOT_FOUND', 'testcontainers')));
    const failure = localStackTarget({ runtime, env: {} }).start({});
    await expect(failure).rejects.toMatchObject({ exitCode: 2 });
    await expect(failure).rejects.toThrow(/npm install --save-dev testcontainers/);
  });

  it('is loaded, when installed, only as the runtime is used', async () => {
    let loads = 0;
    const runtime = testcontainersRuntimeFrom(async () => {
      loads++;
      return { getContainerRuntimeClient: () => Promise.reject(new Error('no Docker here')) } as unknown as typeof import('testcontainers');
    });
    expect(loads).toBe(0);
    await expect(runtime.probe()).resolves.toEqual({ available: false, reason: 'no Docker here' });
    expect(loads).toBe(1);
  });
});
