import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLED_PROFILES, checkScale, checkSeed, loadWeatherProfile, parseWeatherProfile, resolveWeatherProfile, WeatherProfileError } from './load-profile';
import { testProfile } from './weather-test-support';

const dir = mkdtempSync(join(tmpdir(), 'idchain-weather-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** The message a profile is refused with; fails when it is accepted. */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(WeatherProfileError);
    return (err as Error).message;
  }
  throw new Error('expected the profile to be refused; it was accepted');
}

describe('the bundled profiles', () => {
  // loadWeatherProfile reads these without the schema (so a start need not load zod): this is what holds them to it.
  test('each file in profiles/ is bundled by name and passes the schema as shipped', () => {
    const shipped = readdirSync(join(__dirname, 'profiles')).sort();
    expect(shipped).toEqual(['aws.json', 'calm.json']);
    expect([...BUNDLED_PROFILES].sort()).toEqual(['aws', 'calm']);
    for (const name of BUNDLED_PROFILES) {
      const json: unknown = JSON.parse(readFileSync(join(__dirname, 'profiles', `${name}.json`), 'utf8'));
      expect(parseWeatherProfile(json, name)).toEqual(json);
      expect(loadWeatherProfile(name)).toEqual(json);
    }
  });

  test('calm is no weather at all', () => {
    const calm = loadWeatherProfile('calm');
    expect(calm.latency.default).toMatchObject({ medianMs: 0, p99Ms: 0 });
    expect(calm.latency.byOperation).toEqual({});
    expect(calm.propagation).toMatchObject({ medianMs: 0, p99Ms: 0, maxMs: 0 });
    expect(calm.quotas).toEqual([]);
    expect(calm.faults).toMatchObject({ rate: 0, slowRate: 0 });
  });

  test('aws carries the documented quotas with their sources', () => {
    const aws = loadWeatherProfile('aws');
    const quota = (id: string) => aws.quotas.find((q) => q.id === id);
    // [doc: CG "Quotas in Amazon Cognito"]: category rates, and 5 RPS per operation per user pool for the pool-resource categories.
    expect(quota('cognito-idp:UserCreation')).toMatchObject({ ratePerSecond: 50, kind: 'doc', operations: expect.arrayContaining(['AdminCreateUser']) });
    expect(quota('cognito-idp:UserUpdate')).toMatchObject({ ratePerSecond: 25, kind: 'doc', operations: expect.arrayContaining(['AdminAddUserToGroup']) });
    expect(quota('cognito-idp:UserPoolResourceUpdate')).toMatchObject({ ratePerSecond: 15, perPool: 5, operations: expect.arrayContaining(['CreateGroup']) });
    expect(quota('cognito-idp:UserAccountRecovery')).toMatchObject({ ratePerSecond: 30, operations: expect.arrayContaining(['AdminSetUserPassword']) });
    expect(quota('cognito-idp:UserAuthentication')).toMatchObject({ ratePerSecond: 120, operations: expect.arrayContaining(['InitiateAuth', 'AdminInitiateAuth']) });
    expect(quota('cognito-identity:GetId')).toMatchObject({ ratePerSecond: 25, kind: 'doc' });
    expect(quota('cognito-identity:GetCredentialsForIdentity')).toMatchObject({ ratePerSecond: 200, kind: 'doc' });
    // [doc: IAM-UG "IAM and AWS STS quotas"]: 600 per second, per account, per Region, shared.
    expect(quota('sts:signed')).toMatchObject({ ratePerSecond: 600, kind: 'doc', operations: expect.arrayContaining(['AssumeRole', 'GetCallerIdentity']) });
    // IAM publishes no rate: an estimate, and it says so.
    expect(quota('iam:write')).toMatchObject({ kind: 'est' });
    expect(aws.propagation).toMatchObject({ medianMs: 4000, p99Ms: 30000, maxMs: 60000, kind: 'est' });
    for (const q of aws.quotas) expect(q.source.length).toBeGreaterThan(10);
  });

  test('a profile object is checked like a file', () => {
    expect(resolveWeatherProfile(testProfile()).name).toBe('test');
    expect(resolveWeatherProfile(undefined).name).toBe('calm');
    expect(refusal(() => resolveWeatherProfile({ ...testProfile(), quotas: [{ id: 'x' }] } as never))).toContain('quotas.0.service');
  });
});

describe('a profile the emulator cannot use is refused with what was wrong and what is expected', () => {
  test('an unknown name', () => {
    expect(refusal(() => loadWeatherProfile('stormy'))).toBe(
      "Unknown weather profile 'stormy'. Expected: calm, aws, or the path of a JSON weather profile (see emulator/weather/profiles/aws.json).",
    );
  });

  test('a file that is not there, or not JSON', () => {
    expect(refusal(() => loadWeatherProfile(join(dir, 'missing.json')))).toMatch(/^Cannot read weather profile .*missing\.json: ENOENT/);
    expect(refusal(() => loadWeatherProfile(file('broken.json', '{"name": ')))).toMatch(/^Weather profile .*broken\.json is not JSON: /);
  });

  test('each rule of the format, every problem listed with its path', () => {
    const bad = {
      ...testProfile(),
      surprise: true,
      latency: {
        default: { medianMs: 100, p99Ms: 50, source: 'x', kind: 'est' },
        byOperation: { 'iam:createRole': { medianMs: 1, p99Ms: 1, source: 'x', kind: 'est' }, 'ec2:*': { medianMs: 1, p99Ms: 1, source: 'x', kind: 'est' } },
      },
      propagation: { medianMs: 10, p99Ms: 20, maxMs: 15, source: 'x', kind: 'guess' },
      quotas: [
        { id: 'a', service: 'iam', operations: ['Get*'], ratePerSecond: 10, burst: 10, perPool: 5, source: 'x', kind: 'est' },
        { id: 'a', service: 'sts', operations: [], ratePerSecond: 0, burst: 1, source: '', kind: 'doc' },
      ],
      faults: { rate: 1.5, slowRate: 0, slowFactor: 0.5, source: 'x', kind: 'est' },
    };
    const message = refusal(() => loadWeatherProfile(file('bad.json', JSON.stringify(bad))));
    expect(message.split('\n')[0]).toMatch(/^Weather profile .*bad\.json is not valid:$/);
    const lines = message.split('\n').slice(1).map((l) => l.trim());
    expect(lines).toEqual(
      expect.arrayContaining([
        '(profile): Unrecognized key: "surprise"',
        'latency.default.p99Ms: p99Ms 50 is below medianMs 100; expected p99Ms ≥ medianMs',
        'latency.byOperation.iam:createRole: expected a key <service>:<Operation>, <service>:<Prefix>* or <service>:*, with service one of cognito-idp, cognito-identity, iam, sts, s3',
        'latency.byOperation.ec2:*: expected a key <service>:<Operation>, <service>:<Prefix>* or <service>:*, with service one of cognito-idp, cognito-identity, iam, sts, s3',
        expect.stringMatching(/^propagation\.kind: .*"doc"\|"obs"\|"est"/),
        'quotas.0.perPool: perPool is a Cognito user-pool quota; expected it only on cognito-idp quotas, not iam',
        'quotas.1.id: quota id a appears twice; expected each id once',
        expect.stringMatching(/^quotas\.1\.operations: /),
        expect.stringMatching(/^quotas\.1\.ratePerSecond: /),
        'quotas.1.source: cite where the number comes from (an AWS page, a public issue, or the reasoning of an estimate)',
        expect.stringMatching(/^faults\.rate: /),
        expect.stringMatching(/^faults\.slowFactor: /),
      ]),
    );
  });

  test('spreads that cannot be: a cap below p99, a zero median with a tail', () => {
    const capped = { ...testProfile(), propagation: { medianMs: 10, p99Ms: 20, maxMs: 15, source: 'x', kind: 'est' } };
    expect(refusal(() => parseWeatherProfile(capped, 'capped'))).toContain('propagation.maxMs: maxMs 15 is below p99Ms 20; expected maxMs ≥ p99Ms');
    const tail = { ...testProfile(), latency: { default: { medianMs: 0, p99Ms: 5, source: 'x', kind: 'est' }, byOperation: {} } };
    expect(refusal(() => parseWeatherProfile(tail, 'tail'))).toContain('latency.default.medianMs: medianMs 0 means no delay, so p99Ms must be 0 too');
  });

  test('seeds and scales out of range', () => {
    expect(checkSeed(0)).toBe(0);
    expect(checkSeed(7)).toBe(7);
    expect(refusal(() => checkSeed(-1))).toBe('Weather seed -1 is not usable. Expected: a whole number from 0 to 9007199254740991.');
    expect(refusal(() => checkSeed(1.5))).toContain('Weather seed 1.5 is not usable');
    expect(checkScale(0.01)).toBe(0.01);
    expect(refusal(() => checkScale(0))).toBe(
      "Weather scale 0 is not usable. Expected: a number from 0.0001 to 100 (1 is AWS's own pace; 0.01 makes every duration 100 times shorter).",
    );
    expect(refusal(() => checkScale(Number.NaN))).toContain('Weather scale NaN is not usable');
  });
});
