// The whole emulator under the aws profile, driven through the SDK: the same seed
// and the same calls give the same latencies, the same propagation denials and
// the same counters; another seed gives other weather. The emulator's clock is
// manual and its sleep only moves that clock, so nothing here waits real time.
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { ManualClock } from '../clock';
import { startEmulator } from '../index';
import { clockSleep } from './weather-test-support';

const ACCOUNT = '123456789012';
const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] });

async function weatherOf(seed: number) {
  // Near the real time: an SDK whose clock is over 4 minutes off retries every error answer.
  const clock = new ManualClock(Date.now());
  const { sleep, waits } = clockSleep(clock);
  const emu = await startEmulator({ clock, sleep, weather: 'aws', seed });
  const base = { endpoint: emu.url, region: emu.region, credentials: emu.credentials };
  const iam = new IAMClient(base);
  const sts = new STSClient(base);
  const answers: string[] = [];
  try {
    for (let i = 0; i < 5; i++) await iam.send(new CreateRoleCommand({ RoleName: `weather-${i}`, AssumeRolePolicyDocument: TRUST }));
    // Probe the last role once a second (of the emulator's clock) until STS sees it.
    for (let attempt = 0; attempt < 120; attempt++) {
      try {
        await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/weather-4`, RoleSessionName: 'probe' }));
        answers.push('assumed');
        break;
      } catch (err) {
        answers.push((err as Error).name);
        clock.advance(1000);
      }
    }
    const { calls, throttled, transientFaults, slow, propagationDenials } = emu.weather.stats();
    return { waits: waits.map((ms) => Math.round(ms * 1000) / 1000), answers, counters: { calls, throttled, transientFaults, slow, propagationDenials } };
  } finally {
    iam.destroy();
    sts.destroy();
    await emu.stop();
  }
}

test('seed 7 twice: the same weather; seed 8: other weather', async () => {
  const first = await weatherOf(7);
  // The role was not assumable at once, and then it was: propagation was felt, and ended.
  expect(first.answers[0]).toBe('AccessDenied');
  expect(first.answers[first.answers.length - 1]).toBe('assumed');
  expect(first.counters.propagationDenials).toBe(first.answers.length - 1);
  // Every call waited its latency (the aws profile has no zero latency).
  expect(first.waits.length).toBe(first.counters.calls);
  expect(await weatherOf(7)).toEqual(first);
  const other = await weatherOf(8);
  expect(other.waits).not.toEqual(first.waits);
});
