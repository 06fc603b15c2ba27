import { TargetUnavailableError } from '../errors';
import type { ContainerRuntime, ContainerSpec, DockerStatus } from './docker-runtime';
import { LOCALSTACK_COMMUNITY_IMAGE, LOCALSTACK_PRO_IMAGE, localStackTarget } from './localstack';

function fakeRuntime(status: DockerStatus, start?: (spec: ContainerSpec) => Promise<never>) {
  const calls = { probed: 0, started: [] as ContainerSpec[], stopped: 0 };
  const runtime: ContainerRuntime = {
    async probe() {
      calls.probed++;
      return status;
    },
    async start(spec) {
      calls.started.push(spec);
      if (start) return start(spec);
      return { url: 'http://127.0.0.1:49153', id: 'c0ffee0000000000', stop: async () => void calls.stopped++ };
    },
  };
  return { runtime, calls };
}

const health = (async () => new Response(JSON.stringify({ version: '4.14.0', services: {} }))) as typeof fetch;
const docker: DockerStatus = { available: true, description: 'Docker Engine at localhost' };

describe('localstack target', () => {
  it('without a Docker engine exits 3 naming the missing engine, and starts nothing', async () => {
    const { runtime, calls } = fakeRuntime({ available: false, reason: 'Could not find a working container runtime strategy' });
    const failure = localStackTarget({ runtime, env: {} }).start({});
    await expect(failure).rejects.toBeInstanceOf(TargetUnavailableError);
    await expect(failure).rejects.toMatchObject({ exitCode: 3 });
    await expect(failure).rejects.toThrow(/needs a Docker engine .*none was found .*Could not find a working container runtime strategy.*--endpoint URL/);
    expect(calls.started).toEqual([]);
  });

  it('starts the community image on the gateway port and claims only STS and IAM without a token', async () => {
    const { runtime, calls } = fakeRuntime(docker);
    const target = localStackTarget({ runtime, env: {}, fetch: health });
    expect(target.services).toEqual(['sts', 'iam']);
    const started = await target.start({});
    expect(calls.started).toEqual([
      { image: LOCALSTACK_COMMUNITY_IMAGE, env: {}, port: 4566, readyPath: '/_localstack/health', startupTimeoutMs: 120_000 },
    ]);
    expect([started.endpoint, started.version, started.services]).toEqual(['http://127.0.0.1:49153', '4.14.0', ['sts', 'iam']]);
    await started.stop();
    await started[Symbol.asyncDispose]();
    expect(calls.stopped).toBe(1);
  });

  it('passes LOCALSTACK_AUTH_TOKEN through and then claims every service', async () => {
    const { runtime, calls } = fakeRuntime(docker);
    const target = localStackTarget({ runtime, env: { LOCALSTACK_AUTH_TOKEN: 'ls-token-value' }, fetch: health });
    const started = await target.start({});
    expect(calls.started[0]!.env).toEqual({ LOCALSTACK_AUTH_TOKEN: 'ls-token-value' });
    expect(calls.started[0]!.image).toBe(LOCALSTACK_PRO_IMAGE);
    expect(started.services).toEqual(['cognito-idp', 'cognito-identity', 'sts', 'iam', 's3']);
    await started.stop();
  });

  it('takes the image from IDCHAIN_LOCALSTACK_IMAGE', async () => {
    const { runtime, calls } = fakeRuntime(docker);
    await (await localStackTarget({ runtime, env: { IDCHAIN_LOCALSTACK_IMAGE: 'mirror.local/localstack:4.13.1' }, fetch: health }).start({})).stop();
    expect(calls.started[0]!.image).toBe('mirror.local/localstack:4.13.1');
  });

  it('reports a container that does not start as exit 3, with what to check', async () => {
    const { runtime } = fakeRuntime(docker, async () => Promise.reject(new Error('Container exited with code 55')));
    const failure = localStackTarget({ runtime, env: {} }).start({});
    await expect(failure).rejects.toMatchObject({ exitCode: 3 });
    await expect(failure).rejects.toThrow(/LocalStack \(localstack\/localstack:4\.14\.0\) did not start: Container exited with code 55\. .*LOCALSTACK_AUTH_TOKEN/);
  });

  it('with --endpoint probes no Docker', async () => {
    const { runtime, calls } = fakeRuntime({ available: false, reason: 'none' });
    const target = localStackTarget({ runtime, endpoint: 'http://127.0.0.1:1', env: {} });
    await expect(target.start({})).rejects.toThrow(/localstack at http:\/\/127\.0\.0\.1:1 is not reachable/);
    expect(calls.probed).toBe(0);
  });
});
