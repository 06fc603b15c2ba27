import { TargetUnavailableError, UsageError } from '../errors';
import { awsTarget, parseAllowList, type AwsTargetDeps } from './aws';
import type { SharedConfigFiles } from './endpoint-overrides';

const creds = { accessKeyId: 'AKIAEXAMPLEEXAMPLE00', secretAccessKey: 'not-a-secret' };

function deps(over: Partial<AwsTargetDeps> & { env?: Record<string, string | undefined>; files?: Partial<SharedConfigFiles> }): AwsTargetDeps & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    env: { AWS_REGION: 'us-east-1', IDCHAIN_AWS_ACCOUNTS: '111111111111', ...over.env },
    sharedConfig: async () => ({ configFile: {}, credentialsFile: {}, ...over.files }),
    resolveCredentials: over.resolveCredentials ?? (async () => (calls.push('credentials'), creds)),
    callerAccount: over.callerAccount ?? (async () => (calls.push('sts'), '111111111111')),
  };
}

describe('aws target', () => {
  it('starts when the caller account is in IDCHAIN_AWS_ACCOUNTS', async () => {
    const d = deps({});
    const started = await awsTarget(d).start({});
    expect([started.name, started.kind, started.region, started.endpoint]).toEqual(['aws', 'aws', 'us-east-1', undefined]);
    expect(d.calls).toEqual(['credentials', 'sts']);
  });

  it("plans for AWS's weather as the aws profile describes it: its quotas at scale 1 and its 60 s propagation bound, no seed", async () => {
    const { weather } = await awsTarget(deps({})).start({});
    expect(weather).toMatchObject({ profile: 'aws', scale: 1, propagationBoundMs: 60_000 });
    expect(weather?.seed).toBeUndefined();
    // CG-Quotas: UserPoolResourceUpdate (CreateGroup) 15 RPS, 5 per operation per pool; IAM writes estimated at 10/s.
    expect(weather?.quotas.find((q) => q.id === 'cognito-idp:UserPoolResourceUpdate')).toMatchObject({ ratePerSecond: 15, perPool: 5 });
    expect(weather?.quotas.find((q) => q.id === 'iam:write')).toMatchObject({ ratePerSecond: 10, burst: 20 });
  });

  it('refuses an account outside the allow-list with exit code 2', async () => {
    const d = deps({ callerAccount: async () => '222222222222' });
    const failure = awsTarget(d).start({});
    await expect(failure).rejects.toBeInstanceOf(UsageError);
    await expect(awsTarget(d).start({})).rejects.toThrow(/222222222222 is not in IDCHAIN_AWS_ACCOUNTS/);
  });

  it('refuses to start without an allow-list, before resolving credentials', async () => {
    const d = deps({ env: { IDCHAIN_AWS_ACCOUNTS: undefined } });
    await expect(awsTarget(d).start({})).rejects.toThrow(/needs IDCHAIN_AWS_ACCOUNTS/);
    expect(d.calls).toEqual([]);
  });

  it('refuses to start without a region', async () => {
    await expect(awsTarget(deps({ env: { AWS_REGION: undefined } })).start({})).rejects.toThrow(/AWS_REGION/);
  });

  it('reports missing credentials as target unavailable (exit code 3)', async () => {
    const d = deps({ resolveCredentials: async () => Promise.reject(new Error('Could not load credentials from any providers')) });
    const failure = awsTarget(d).start({});
    await expect(failure).rejects.toBeInstanceOf(TargetUnavailableError);
    await expect(awsTarget(d).start({})).rejects.toThrow(/No AWS credentials found/);
  });

  it('reports an unreachable STS as target unavailable', async () => {
    const d = deps({ callerAccount: async () => Promise.reject(new Error('getaddrinfo ENOTFOUND sts.us-east-1.amazonaws.com')) });
    await expect(awsTarget(d).start({})).rejects.toBeInstanceOf(TargetUnavailableError);
  });
});

describe('aws target: AWS endpoints only (DESIGN.md § Real AWS, safely)', () => {
  // Where the SDK finds endpoint overrides: AWS SDKs and Tools Reference Guide, "Service-specific endpoints".
  const refused = async (d: ReturnType<typeof deps>, shown: string) => {
    const failure = awsTarget(d).start({});
    await expect(failure).rejects.toBeInstanceOf(UsageError);
    await expect(awsTarget(d).start({})).rejects.toThrow(`Target aws talks to AWS's own endpoints only, and an endpoint override is configured: ${shown}.`);
    expect(d.calls).toEqual([]); // before any credential is resolved or any call made
  };

  it('refuses AWS_ENDPOINT_URL', () => refused(deps({ env: { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566' } }), 'AWS_ENDPOINT_URL=http://127.0.0.1:4566'));

  it('refuses a service-specific AWS_ENDPOINT_URL_STS, the one the account check would follow', () =>
    refused(deps({ env: { AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:5000' } }), 'AWS_ENDPOINT_URL_STS=http://127.0.0.1:5000'));

  it('refuses AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: Cognito calls must not go elsewhere either', () =>
    refused(deps({ env: { AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: 'http://127.0.0.1:9229' } }), 'AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER=http://127.0.0.1:9229'));

  it("refuses endpoint_url in the profile in use (AWS_PROFILE), not in another", async () => {
    const files = { configFile: { default: {}, dev: { endpoint_url: 'http://localhost:4566' } } };
    await refused(deps({ env: { AWS_PROFILE: 'dev' }, files }), 'endpoint_url = http://localhost:4566 in profile dev');
    await expect(awsTarget(deps({ files })).start({})).resolves.toMatchObject({ name: 'aws' });
  });

  it("refuses a service's endpoint_url in the profile's services section", () =>
    refused(
      deps({ files: { configFile: { default: { services: 'local' }, 'services.local': { 'sts.endpoint_url': 'http://127.0.0.1:5000' } } } }),
      'sts endpoint_url = http://127.0.0.1:5000 in services local (profile default)',
    ));

  it('starts when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true: the SDK then follows none of them', async () => {
    const lines: string[] = [];
    const d = deps({ env: { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' } });
    await expect(awsTarget(d).start({ log: (l) => void lines.push(l) })).resolves.toMatchObject({ name: 'aws', account: '111111111111' });
    expect(lines[0]).toBe('ignoring configured endpoint URLs (AWS_IGNORE_CONFIGURED_ENDPOINT_URLS): AWS_ENDPOINT_URL=http://127.0.0.1:4566');
  });

  it("the environment's AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=false wins over the profile's true", () =>
    refused(
      deps({ env: { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'false' }, files: { configFile: { default: { endpoint_url: 'http://x:1', ignore_configured_endpoint_urls: 'true' } } } }),
      'endpoint_url = http://x:1 in profile default',
    ));
});

describe('parseAllowList', () => {
  it('splits on commas and spaces', () => expect(parseAllowList('111111111111, 222222222222 333333333333')).toHaveLength(3));
  it('refuses malformed ids', () => expect(() => parseAllowList('12345')).toThrow(/invalid account ids: 12345/));
});
