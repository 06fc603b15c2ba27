import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWeatherProfile } from '../emulator';
import { runContract } from '../harness';
import { runCli } from '../harness/cli/program';
import type { CliIo } from '../harness/cli/io';
import { suites } from '../suites';
import { enhancedFlowSuite } from '../suites/enhanced-flow/suite';

// The harness in AWS's weather (issue 14): the whole contract on the reference emulator under the `aws` profile
// (emulator/weather/profiles/aws.json). Every duration is shrunk with --weather-scale 0.05 to keep npm test fast:
// latency, propagation (at most 3 s instead of 60 s) and each quota's refill period scale together, so a run meets
// the same throttling and propagation per call as at AWS's pace. The bench (npm run bench -- --weather aws) runs at scale 1.
const SCALE = '0.05';
const work = mkdtempSync(join(tmpdir(), 'idchain-weather-run-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t) };
}

const allPass = Object.fromEntries(suites.flatMap((s) => s.cases.map((c) => [c.id, 'pass'])));

describe('weather flags: only the built-in emulator takes them, and each bad one is exit 2 before anything starts', () => {
  it.each([
    [['run', '--target', 'aws', '--weather', 'aws'], /--weather cannot be used with --target aws: weather is the built-in reference emulator's \(AWS has weather of its own\)/],
    [['record', '--target', 'moto', '--weather', 'aws', '--seed', '2'], /--weather, --seed cannot be used with --target moto/],
    [['run', '--endpoint', 'http://127.0.0.1:1', '--weather', 'aws'], /--weather cannot be used with the emulator already running at http:\/\/127\.0\.0\.1:1/],
    [['run', '--seed', '3'], /--seed shape a weather, and the run has none \(calm\)\. Expected: --weather aws or --weather FILE with them, or neither\./],
    [['run', '--weather', 'drizzle'], /Unknown weather profile 'drizzle'\. Expected: calm, aws, or the path of a JSON weather profile/],
    [['run', '--weather', 'aws', '--seed', 'seven'], /--seed seven is not a whole number/],
    [['run', '--weather', 'aws', '--weather-scale', '0'], /Weather scale 0 is not usable/],
  ])('%j', async (argv, message) => {
    const io = capture();
    expect(await runCli([...argv, '--suite', 'user-pools'], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(message);
  });

  it('a profile file that breaks the format says where', async () => {
    const file = join(work, 'broken.json');
    writeFileSync(file, JSON.stringify({ name: 'broken' }));
    const io = capture();
    expect(await runCli(['run', '--weather', file, '--suite', 'user-pools'], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/Weather profile .*broken\.json is not valid:\n {2}description: /);
  });
});

test('idchain run --target reference --weather aws --seed 7: exit 0, every verdict as in calm (every case passes and matches its golden), and the weather was felt', async () => {
  const io = capture();
  const reportDir = join(work, 'seed-7');
  const code = await runCli(['run', '--target', 'reference', '--weather', 'aws', '--seed', '7', '--weather-scale', SCALE, '--report-dir', reportDir, '--quiet'], io);
  const report = JSON.parse(readFileSync(join(reportDir, 'reference', 'report.json'), 'utf8'));
  expect(Object.fromEntries(report.cases.map((c: { id: string; verdict: string }) => [c.id, c.verdict]))).toEqual(allPass);
  expect(code).toBe(0);
  expect(report.weather).toMatchObject({ profile: 'aws', seed: 7, scale: 0.05 });
  // Propagation retries (a role trusting a role made moments before, a fixture's check) and SDK retries.
  expect(report.weather.retries).toBeGreaterThan(0);
  expect(report.weather.calls).toBeGreaterThan(1000);
  expect(Object.keys(report.weather.callsPerService).sort()).toEqual(['cognito-identity', 'cognito-idp', 'iam', 's3', 'sts']);
  expect(report.weather.throttled).toBe(Object.values(report.weather.throttledOperations as Record<string, number>).reduce((a, b) => a + b, 0));
  // The quotas were felt: the limiters held requests back (IAM's writes, the identity pools' 5 per second).
  expect(report.weather.rateLimited.requests).toBeGreaterThan(0);
  // Cases were held for IAM to settle: the aws profile's 60 s bound at this scale, paid once per suite after its last change.
  expect(report.weather.propagationWaitMs).toBeGreaterThan(0);
  expect(report.criticalPathMs).toBeGreaterThan(0);
  expect(report.criticalPath.chain.length).toBeGreaterThan(1);
  expect(readFileSync(join(reportDir, 'reference', 'report.md'), 'utf8')).toMatch(/Weather \*\*aws\*\* \(seed 7, scale 0\.05\): wall [\d.]+ m?s, critical path [\d.]+ m?s, ratio \d+\.\d\d\./);
  expect(io.stdout.join('\n')).toMatch(/weather aws seed 7 scale 0\.05: critical path [\d.]+ m?s, wall\/critical \d+\.\d\d; \d+ requests, \d+ retries, \d+ throttled/);
});

test('a quota the work outruns: with the limiters off the run is throttled and the SDK’s retries leave every verdict as in calm; with them on, the same run passes too', async () => {
  // The aws profile with CreateIdentityPool at 1 per second and a burst of 1 (0.05/s before --weather-scale 0.05
  // divides every refill period by 20). enhanced-flow makes three identity pools as soon as its app client exists,
  // all in the same instant: without a limiter two of them are throttled at least, whatever the machine's speed.
  const profile = loadWeatherProfile('aws');
  const tight = { ...profile, name: 'aws-tight-pools', quotas: profile.quotas.map((q) => (q.id === 'cognito-identity:CreateIdentityPool' ? { ...q, ratePerSecond: 0.05, burst: 1 } : q)) };
  const file = join(work, 'tight.json');
  writeFileSync(file, JSON.stringify(tight));
  const options = { weather: file, seed: 7, weatherScale: 0.05, suite: 'enhanced-flow', ledgerDir: join(work, 'ledger') };
  const expected = Object.fromEntries(enhancedFlowSuite.cases.map((c) => [c.id, 'pass']));

  const unlimited = await runContract({ ...options, rateLimit: false });
  expect(Object.fromEntries(unlimited.cases.map((c) => [c.id, c.verdict]))).toEqual(expected);
  expect(unlimited.weather!.throttledOperations['cognito-identity:CreateIdentityPool']).toBeGreaterThanOrEqual(2);
  expect(unlimited.weather!.retries).toBeGreaterThanOrEqual(unlimited.weather!.throttled);
  expect(unlimited.report.weather?.throttled).toBe(unlimited.weather!.throttled);

  const limited = await runContract(options);
  expect(Object.fromEntries(limited.cases.map((c) => [c.id, c.verdict]))).toEqual(expected);
  expect(limited.weather!.profile).toBe('aws-tight-pools');
});
