import { createServer } from 'node:net';
import { TargetUnavailableError, UsageError } from '../errors';
import { endpointTarget } from './endpoint';
import { resolveTarget } from './registry';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('endpoint target', () => {
  it('reports an unreachable endpoint as target unavailable, naming the URL', async () => {
    const port = await closedPort();
    const target = endpointTarget({ name: 'moto', url: `http://127.0.0.1:${port}` });
    const failure = target.start({});
    await expect(failure).rejects.toBeInstanceOf(TargetUnavailableError);
    await expect(target.start({})).rejects.toThrow(new RegExp(`moto at http://127.0.0.1:${port} is not reachable \\(ECONNREFUSED\\)`));
  });

  it('uses the probe seam and dummy credentials when the environment has none', async () => {
    const seen: string[] = [];
    const started = await endpointTarget({ name: 'x', url: 'http://127.0.0.1:1/', env: {}, probe: async (u) => void seen.push(u) }).start({});
    expect(seen).toEqual(['http://127.0.0.1:1']);
    expect(started.credentials).toEqual({ accessKeyId: 'test', secretAccessKey: 'test', sessionToken: undefined });
  });

  it('refuses a malformed URL as bad usage', () => {
    expect(() => endpointTarget({ name: 'x', url: 'not a url' })).toThrow(UsageError);
    expect(() => endpointTarget({ name: 'x', url: 'ftp://h' })).toThrow(/Expected: an http:\/\/ or https:\/\/ URL/);
  });
});

describe('resolveTarget', () => {
  it('refuses an unknown target without --endpoint, listing the known ones', () => {
    expect(() => resolveTarget({ name: 'nope' })).toThrow(UsageError);
    expect(() => resolveTarget({ name: 'nope' })).toThrow(/Expected one of: reference, aws/);
  });
  it('accepts any name with --endpoint', () => expect(resolveTarget({ name: 'mine', endpoint: 'http://127.0.0.1:9' }).name).toBe('mine'));
  it('refuses --endpoint with aws', () => expect(() => resolveTarget({ name: 'aws', endpoint: 'http://x' })).toThrow(/cannot be used with --target aws/));
});
