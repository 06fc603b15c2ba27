import { createServer } from 'node:net';
import { join } from 'node:path';
import { CreateRoleCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type * as Emulator from '../emulator';

// startEmulatorThread runs only from the built package (a worker loads
// JavaScript), so this test loads the build that `npm test` makes first.
const built = require(join(__dirname, '..', 'dist', 'emulator')) as typeof Emulator;
const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

test('the build can start the emulator in a worker thread', () => {
  expect(built.canStartEmulatorThread()).toBe(true);
});

test('a thread emulator answers as an in-process one: fixed keys, its Region, reset, stop', async () => {
  const emulator = await built.startEmulatorThread({ region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  const config = { endpoint: emulator.url, region: emulator.region, credentials: emulator.credentials, maxAttempts: 1 };
  try {
    expect([emulator.region, emulator.credentials.accessKeyId, emulator.health().region]).toEqual(['eu-west-1', 'test', 'eu-west-1']);
    const who = await new STSClient(config).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe('arn:aws:iam::123456789012:user/idchain-admin');
    const iam = new IAMClient(config);
    await iam.send(new CreateRoleCommand({ RoleName: 'in-thread', AssumeRolePolicyDocument: TRUST }));
    await emulator.reset();
    await expect(iam.send(new GetRoleCommand({ RoleName: 'in-thread' }))).rejects.toMatchObject({ name: 'NoSuchEntityException' });
  } finally {
    await emulator.stop();
  }
  // Stopped means the port is closed: a request is refused at the socket.
  await expect(new STSClient(config).send(new GetCallerIdentityCommand({}))).rejects.toThrow(/ECONNREFUSED/);
  await emulator.stop(); // twice is harmless
});

test('a bad option or a busy port fails the start as startEmulator would', async () => {
  await expect(built.startEmulatorThread({ region: 'mars-1' })).rejects.toMatchObject({ name: 'EmulatorOptionError', message: expect.stringContaining('Region not allowed') });
  const busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  try {
    const port = (busy.address() as { port: number }).port;
    await expect(built.startEmulatorThread({ port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  } finally {
    busy.close();
  }
});

test('a thread emulator answers in the weather it was given, and its counters are read synchronously, as in-process', async () => {
  await expect(built.startEmulatorThread({ weather: 'drizzle' })).rejects.toMatchObject({ name: 'WeatherProfileError', message: expect.stringContaining("Unknown weather profile 'drizzle'") });
  const emulator = await built.startEmulatorThread({ weather: 'aws', seed: 7, weatherScale: 0.01 });
  try {
    expect([emulator.weather.profile.name, emulator.weather.seed, emulator.weather.scale]).toEqual(['aws', 7, 0.01]);
    expect(emulator.weather.stats()).toMatchObject({ profile: 'aws', seed: 7, calls: 0 });
    const sts = new STSClient({ endpoint: emulator.url, region: emulator.region, credentials: emulator.credentials, maxAttempts: 1 });
    await sts.send(new GetCallerIdentityCommand({}));
    await sts.send(new GetCallerIdentityCommand({}));
    expect(emulator.weather.stats()).toMatchObject({ calls: 2, byService: { sts: { calls: 2 } } });
    // The same counters as GET /_idchain/weather.
    expect(((await (await fetch(`${emulator.url}/_idchain/weather`)).json()) as { weather: { calls: number } }).weather.calls).toBe(2);
  } finally {
    await emulator.stop();
  }
});
