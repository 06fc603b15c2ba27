import { ManualClock } from '../clock';
import { AwsServiceError } from '../errors';
import { createIamState, type Role } from '../iam/state';
import type { WeatherProfile, WeatherService } from './profile';
import { cancellableSleep, createWeather, type WeatherSettings } from './weather';
import { clockSleep, everyCallTakes, fixedPropagation, outcome, testProfile, TEST_CITATION } from './weather-test-support';

const ARN = 'arn:aws:iam::123456789012:role/fresh';

function role(name = 'fresh'): Role {
  return {
    roleName: name,
    roleId: 'AROAFRESH',
    arn: `arn:aws:iam::123456789012:role/${name}`,
    path: '/',
    assumeRolePolicyDocument: '{}',
    trustPolicy: { Statement: [] },
    maxSessionDuration: 3600,
    createDate: new Date(0),
    tags: [],
    inlinePolicies: new Map(),
  };
}

/** A weather over a fresh IAM state and a manual clock; its sleep advances the clock. */
function world(profile: WeatherProfile, settings: Partial<WeatherSettings> = {}) {
  const clock = new ManualClock(0);
  const iam = createIamState();
  const { sleep, waits } = clockSleep(clock);
  const weather = createWeather({ profile, seed: 7, scale: 1, sleep, ...settings }, { iam, now: () => clock.now().getTime() });
  return { clock, iam, weather, waits };
}

/** A stormy profile: every kind of weather often, so a short sequence of calls meets all of them. */
const STORMY = testProfile({
  latency: everyCallTakes(100, 800),
  propagation: { medianMs: 4000, p99Ms: 30000, maxMs: 60000, ...TEST_CITATION },
  faults: { rate: 0.2, slowRate: 0.2, slowFactor: 10, ...TEST_CITATION },
});

/** The weather a fixed sequence of calls meets: per call its answer and wait, and when the role shows. */
async function trace(seed: number, order: WeatherService[] = ['iam', 'sts', 'cognito-idp', 's3']) {
  const w = world(STORMY, { seed });
  const answers: string[] = [];
  for (let i = 0; i < 10; i++) {
    for (const service of order) {
      const o = await outcome(() => w.weather.run({ service, operation: 'Op' }, () => 'ok'));
      answers.push(`${service}:${'ok' in o ? o.ok : o.code}`);
    }
  }
  await w.weather.run({ service: 'iam', operation: 'CreateRole' }, () => w.iam.roles.set('fresh', role()));
  const created = w.clock.now().getTime();
  while (!w.weather.iam.roleByArn(ARN)) w.clock.advance(100);
  const perService = (s: WeatherService) => w.waits.filter((_, i) => answers[i]?.startsWith(`${s}:`));
  return { answers, iam: perService('iam'), s3: perService('s3'), visibleAfter: w.clock.now().getTime() - created };
}

describe('the same seed and the same calls give the same weather', () => {
  test('answers, waits and propagation repeat for a seed, and change with it', async () => {
    const first = await trace(7);
    expect(await trace(7)).toEqual(first);
    expect(first.answers.some((a) => a.endsWith(':ok'))).toBe(true);
    expect(first.answers.some((a) => !a.endsWith(':ok'))).toBe(true);
    const other = await trace(8);
    expect(other.answers).not.toEqual(first.answers);
    expect(other.iam).not.toEqual(first.iam);
  });

  test("each operation's weather is its own: interleaving other services differently changes nothing for it", async () => {
    const a = await trace(7, ['iam', 'sts', 'cognito-idp', 's3']);
    const b = await trace(7, ['s3', 'cognito-idp', 'sts', 'iam']);
    expect(b.iam).toEqual(a.iam);
    expect(b.s3).toEqual(a.s3);
    expect(b.answers.filter((x) => x.startsWith('iam:'))).toEqual(a.answers.filter((x) => x.startsWith('iam:')));
  });
});

describe('transient faults and throttling come before the operation runs', () => {
  const FAULTY = testProfile({ faults: { rate: 1, slowRate: 0, slowFactor: 1, ...TEST_CITATION } });

  test.each([
    // [doc: IAM-API CreateRole, Errors] ServiceFailure 500.
    ['iam', { code: 'ServiceFailure', status: 500, fault: 'Receiver', message: 'The request processing has failed because of an unknown error, exception or failure.' }],
    // [doc: CG-API, InternalErrorException HTTP 500; obs message: aws-amplify/aws-sdk-android#2022].
    ['cognito-idp', { code: 'InternalErrorException', status: 500, fault: 'Receiver', message: 'Internal server error.' }],
    ['cognito-identity', { code: 'InternalErrorException', status: 500, fault: 'Receiver', message: 'Internal server error.' }],
    // [doc: S3-API "Error responses"] InternalError 500.
    ['s3', { code: 'InternalError', status: 500, fault: 'Receiver', message: 'We encountered an internal error. Please try again.' }],
  ] as const)('%s: a faulted call never ran, so a retried create cannot make two', async (service, answer) => {
    const w = world(FAULTY);
    let ran = 0;
    expect(await outcome(() => w.weather.run({ service, operation: 'CreateThing' }, () => ran++))).toEqual(answer);
    expect(ran).toBe(0);
    expect(w.weather.stats()).toMatchObject({ calls: 1, transientFaults: 1, byService: { [service]: { calls: 1, transientFaults: 1 } } });
  });

  test('sts: InternalFailure 500 or ServiceUnavailable 503 [doc: STS-API "Common Errors"], never having run', async () => {
    const w = world(FAULTY);
    const codes = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const o = await outcome(() => w.weather.run({ service: 'sts', operation: 'AssumeRole' }, () => 'ran'));
      if ('ok' in o) throw new Error('a faulted STS call ran');
      codes.add(`${o.code} ${o.status} ${o.message}`);
    }
    expect([...codes].sort()).toEqual([
      'InternalFailure 500 The request processing has failed because of an unknown error, exception or failure.',
      'ServiceUnavailable 503 The request has failed due to a temporary failure of the server.',
    ]);
  });

  test.each([
    // [obs: boto/boto3#2517, aws-amplify/amplify-js#3554] TooManyRequestsException "Rate exceeded", 400.
    ['cognito-idp', { code: 'TooManyRequestsException', status: 400, fault: 'Sender', message: 'Rate exceeded' }],
    ['cognito-identity', { code: 'TooManyRequestsException', status: 400, fault: 'Sender', message: 'Rate exceeded' }],
    // [obs: legion-platform/legion#807, jlevers/selling-partner-api#278] <Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message>, 400.
    ['iam', { code: 'Throttling', status: 400, fault: 'Sender', message: 'Rate exceeded' }],
    ['sts', { code: 'Throttling', status: 400, fault: 'Sender', message: 'Rate exceeded' }],
    // [doc: S3-API "Error responses"] SlowDown 503.
    ['s3', { code: 'SlowDown', status: 503, fault: 'Receiver', message: 'Please reduce your request rate.' }],
  ] as const)('%s: past the rate the call is refused, unrun', async (service, answer) => {
    const w = world(testProfile({ quotas: [{ id: 'q', service, operations: ['Op'], ratePerSecond: 1, burst: 1, ...TEST_CITATION }] }));
    let ran = 0;
    expect(await outcome(() => w.weather.run({ service, operation: 'Op' }, () => ++ran))).toEqual({ ok: 1 });
    expect(await outcome(() => w.weather.run({ service, operation: 'Op' }, () => ++ran))).toEqual(answer);
    expect(ran).toBe(1);
    w.clock.advance(1000);
    expect(await outcome(() => w.weather.run({ service, operation: 'Op' }, () => ++ran))).toEqual({ ok: 2 });
    expect(w.weather.stats()).toMatchObject({ calls: 3, throttled: 1 });
  });

  test("an operation's own error passes through unchanged, after its latency", async () => {
    const w = world(testProfile({ latency: everyCallTakes(40) }));
    const refused = new AwsServiceError('NoSuchEntity', 'The role with name x cannot be found.', 404);
    expect(await outcome(() => w.weather.run({ service: 'iam', operation: 'GetRole' }, () => Promise.reject(refused)))).toMatchObject({ code: 'NoSuchEntity', status: 404 });
    expect(w.waits).toEqual([40]);
  });
});

describe('durations', () => {
  test('a slow answer takes its latency times slowFactor', async () => {
    const w = world(testProfile({ latency: everyCallTakes(100), faults: { rate: 0, slowRate: 1, slowFactor: 10, ...TEST_CITATION } }));
    await w.weather.run({ service: 'sts', operation: 'GetCallerIdentity' }, () => 'ok');
    expect(w.waits).toEqual([1000]);
    expect(w.weather.stats()).toMatchObject({ slow: 1 });
  });

  test('latency by operation: exact name, then the longest prefix, then <service>:*, then the default', async () => {
    const spec = (ms: number) => ({ medianMs: ms, p99Ms: ms, ...TEST_CITATION });
    const w = world(testProfile({ latency: { default: spec(1), byOperation: { 'iam:*': spec(2), 'iam:Get*': spec(3), 'iam:GetRole': spec(4), 'iam:GetRolePolicy*': spec(5) } } }));
    for (const [service, operation] of [['iam', 'GetRole'], ['iam', 'GetRolePolicy'], ['iam', 'GetSAMLProvider'], ['iam', 'CreateRole'], ['sts', 'AssumeRole']] as const) {
      await w.weather.run({ service, operation }, () => 'ok');
    }
    expect(w.waits).toEqual([4, 5, 3, 2, 1]);
  });

  test('--weather-scale multiplies latency and propagation delays', async () => {
    const w = world(testProfile({ latency: everyCallTakes(100), propagation: fixedPropagation(10_000) }), { scale: 0.5 });
    await w.weather.run({ service: 'iam', operation: 'CreateRole' }, () => w.iam.roles.set('fresh', role()));
    expect(w.waits).toEqual([50]);
    // Created at 0, answered at 50: visible at 5 000 (10 000 × 0.5).
    w.clock.set(new Date(4999));
    expect(w.weather.iam.roleByArn(ARN)).toBeUndefined();
    w.clock.set(new Date(5000));
    expect(w.weather.iam.roleByArn(ARN)).toBeDefined();
  });

  test('calm never waits, throttles or fails, and IAM changes show at once', async () => {
    const w = world(testProfile());
    await w.weather.run({ service: 'iam', operation: 'CreateRole' }, () => w.iam.roles.set('fresh', role()));
    expect(w.weather.iam.roleByArn(ARN)).toBeDefined();
    expect(w.waits).toEqual([]);
  });
});

describe('propagation in the weather', () => {
  test('IAM writes are recorded, reads are not; a call that met an unpropagated change and failed is a propagation denial', async () => {
    const w = world(testProfile({ propagation: fixedPropagation(10_000) }));
    await w.weather.run({ service: 'iam', operation: 'CreateRole' }, () => w.iam.roles.set('fresh', role()));
    expect(w.weather.stats().propagationPending).toBe(1);
    const assume = () =>
      w.weather.run({ service: 'sts', operation: 'AssumeRole' }, () => {
        if (!w.weather.iam.roleByArn(ARN)) throw new AwsServiceError('AccessDenied', 'denied', 403);
        return 'assumed';
      });
    expect(await outcome(assume)).toMatchObject({ code: 'AccessDenied' });
    // A read operation that changes state (only a test would) is not recorded as a change.
    await w.weather.run({ service: 'iam', operation: 'GetRole' }, () => w.iam.roles.set('other', role('other')));
    w.clock.advance(10_000);
    expect(await outcome(assume)).toEqual({ ok: 'assumed' });
    expect(w.weather.iam.roleByArn('arn:aws:iam::123456789012:role/other')).toBeDefined();
    expect(w.weather.stats()).toMatchObject({ calls: 4, propagationDenials: 1, propagationPending: 0 });
  });
});

test('a stopping emulator ends its real waits at once, so no slow answer keeps the process alive', async () => {
  const { sleep, cancel } = cancellableSleep();
  const waiting = sleep(3_600_000);
  cancel();
  await expect(waiting).resolves.toBeUndefined();
  // A weather without an injected sleep uses these; once disposed it waits no more.
  const weather = createWeather({ profile: testProfile({ latency: everyCallTakes(3_600_000) }), seed: 1, scale: 1 }, { iam: createIamState(), now: () => 0 });
  const answer = weather.run({ service: 'sts', operation: 'GetCallerIdentity' }, () => 'ok');
  weather.dispose();
  await expect(answer).resolves.toBe('ok');
  await expect(weather.run({ service: 'sts', operation: 'GetCallerIdentity' }, () => 'again')).resolves.toBe('again');
});
