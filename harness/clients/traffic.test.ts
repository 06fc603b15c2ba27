import { Readable } from 'node:stream';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { createClients } from './factory';
import { RateBudget } from './rate-budget';
import { CallLog, notePropagationRetry, outcomeOf, withActivity } from './traffic';
import type { LimiterClock } from './token-bucket';

// STS answers as awsQuery XML. Throttling and its message are what AWS sends [obs: jlevers/selling-partner-api#278,
// "<Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message>", HTTP 400]; InternalFailure 500 is
// the common error [doc: STS-API Common Errors].
const THROTTLED = { status: 400, body: '<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r1</RequestId></ErrorResponse>' };
const FAULT = { status: 500, body: '<ErrorResponse><Error><Type>Receiver</Type><Code>InternalFailure</Code><Message>An internal error occurred.</Message></Error><RequestId>r2</RequestId></ErrorResponse>' };
const DENIED = { status: 403, body: '<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>Not authorized</Message></Error><RequestId>r3</RequestId></ErrorResponse>' };
const OK = {
  status: 200,
  body: '<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/u</Arn><UserId>AIDAJQABLZS4A3QDU576Q</UserId><Account>123456789012</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r4</RequestId></ResponseMetadata></GetCallerIdentityResponse>',
};

/** An STS that answers each request with the next scripted answer: no network. */
function scripted(answers: { status: number; body: string }[]) {
  const sent: string[] = [];
  return {
    sent,
    handler: {
      async handle(request: { body?: unknown }) {
        sent.push(String(request.body));
        const next = answers.shift() ?? OK;
        return { response: { statusCode: next.status, headers: { 'content-type': 'text/xml' }, body: Readable.from([Buffer.from(next.body)]) } };
      },
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
      destroy() {},
    },
  };
}

/** A clock whose sleeps return at once, counting what was asked. */
const instant = (): LimiterClock & { slept: number[] } => {
  const slept: number[] = [];
  let t = 0;
  return { slept, now: () => t, sleep: async (ms) => void (slept.push(ms), (t += ms)) };
};

const target = { region: 'us-east-1', endpoint: 'http://sts.invalid', credentials: { accessKeyId: 'AKIAEXAMPLEEXAMPLE01', secretAccessKey: 'x' } };

function stsWith(answers: { status: number; body: string }[], log: CallLog, budget: RateBudget, maxAttempts: number) {
  const fake = scripted(answers);
  const clients = createClients(target, { traffic: { log, budget }, maxAttempts });
  (clients.sts.config as { requestHandler: unknown }).requestHandler = fake.handler;
  return { clients, fake };
}

describe('traffic: every call logged with each of its attempts, each attempt within the rate budget', () => {
  it('a throttled attempt and a transient fault are retried by the SDK and logged as such, under the activity that made the call', async () => {
    const log = new CallLog();
    const clock = instant();
    const budget = new RateBudget([{ id: 'sts-shared', service: 'sts', operations: ['GetCallerIdentity'], ratePerSecond: 600, burst: 1 }], clock);
    const { clients, fake } = stsWith([THROTTLED, FAULT, OK], log, budget, 5);
    try {
      const who = await withActivity('case:x/y', () => clients.sts.send(new GetCallerIdentityCommand({})), log);
      expect(who.Account).toBe('123456789012');
    } finally {
      clients.destroy();
    }
    expect(fake.sent).toHaveLength(3);
    expect(log.calls).toHaveLength(1);
    expect(log.calls[0]).toMatchObject({ activity: 'case:x/y', service: 'sts', operation: 'GetCallerIdentity' });
    expect(log.calls[0].attempts.map((a) => a.outcome)).toEqual(['throttled', 'transient', 'ok']);
    // Each attempt, the retries too, took a token: the burst of 1 made the second and third wait.
    expect(budget.granted.get('sts-shared')).toBe(3);
    expect(clock.slept.length).toBeGreaterThanOrEqual(2);
  });

  it('stops at maxAttempts, and a refusal the SDK does not retry is sent once', async () => {
    const log = new CallLog();
    const budget = new RateBudget([], instant());
    const throttled = stsWith([THROTTLED, THROTTLED, THROTTLED], log, budget, 2);
    await expect(throttled.clients.sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'Throttling' });
    throttled.clients.destroy();
    expect(throttled.fake.sent).toHaveLength(2);
    const denied = stsWith([DENIED], log, budget, 5);
    await expect(denied.clients.sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'AccessDenied' });
    denied.clients.destroy();
    expect(denied.fake.sent).toHaveLength(1);
    expect(log.calls.map((c) => c.attempts.map((a) => a.outcome))).toEqual([['throttled', 'throttled'], ['error']]);
    expect(log.calls[0].activity).toBeUndefined();
  });

  it('two calls of one operation in flight at once on one client each keep their own record and attempts', async () => {
    // The SDK's cacheMiddleware would resolve one handler context per command class and share it
    // between such calls: one record got both attempts, the other none, and a fixture's last IAM
    // change looked earlier than it was (cases then ran before their roles had propagated).
    const log = new CallLog();
    const budget = new RateBudget([{ id: 'sts-shared', service: 'sts', operations: ['GetCallerIdentity'], ratePerSecond: 600, burst: 10 }], instant());
    const { clients } = stsWith([THROTTLED], log, budget, 3);
    try {
      await Promise.all([
        withActivity('case:a/one', () => clients.sts.send(new GetCallerIdentityCommand({})), log),
        withActivity('case:b/two', () => clients.sts.send(new GetCallerIdentityCommand({})), log),
      ]);
      const byActivity = Object.fromEntries(log.calls.map((c) => [c.activity, c.attempts.map((a) => a.outcome)]));
      expect(byActivity).toEqual({ 'case:a/one': ['throttled', 'ok'], 'case:b/two': ['ok'] });
    } finally {
      clients.destroy();
    }
  });

  it('counts propagation retries against the log of the activity running', async () => {
    const log = new CallLog();
    notePropagationRetry(); // outside any activity: nowhere to count
    await withActivity('fixture:enhanced/iam-role:admin', async () => notePropagationRetry(), log);
    await withActivity('fixture:enhanced/iam-role:admin', () => withActivity('inner', async () => notePropagationRetry()), log);
    expect(log.propagationRetries).toBe(2);
  });
});

describe('outcomeOf: the SDK standard retry strategy’s own classification', () => {
  const e = (name: string, status?: number) => Object.assign(new Error('x'), { name, $metadata: { httpStatusCode: status } });
  it.each([
    ['TooManyRequestsException', 400, 'throttled'], // Cognito [doc: UP-API errors]
    ['Throttling', 400, 'throttled'], // IAM, STS [obs]
    ['InternalErrorException', 500, 'transient'], // Cognito [doc]
    ['ServiceFailure', 500, 'transient'], // IAM [doc]
    ['ServiceUnavailable', 503, 'transient'],
    ['TimeoutError', undefined, 'transient'],
    ['AccessDenied', 403, 'error'],
    ['InvalidIdentityPoolConfigurationException', 400, 'error'],
  ])('%s (%s) → %s', (name, status, outcome) => {
    expect(outcomeOf(e(name, status))).toBe(outcome);
  });
});
