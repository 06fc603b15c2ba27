import { TargetUnavailableError, UsageError } from '../errors';
import { awsTarget, parseAllowList, type AwsTargetDeps } from './aws';

const creds = { accessKeyId: 'AKIAEXAMPLEEXAMPLE00', secretAccessKey: 'not-a-secret' };

function deps(over: Partial<AwsTargetDeps> & { env?: Record<string, string | undefined> }): AwsTargetDeps & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    env: { AWS_REGION: 'us-east-1', IDCHAIN_AWS_ACCOUNTS: '111111111111', ...over.env },
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

describe('parseAllowList', () => {
  it('splits on commas and spaces', () => expect(parseAllowList('111111111111, 222222222222 333333333333')).toHaveLength(3));
  it('refuses malformed ids', () => expect(() => parseAllowList('12345')).toThrow(/invalid account ids: 12345/));
});
