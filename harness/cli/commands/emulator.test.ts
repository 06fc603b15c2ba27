import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../program';
import { emulatorCommand } from './emulator';
import type { CliIo } from '../io';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t) };
}

test('idchain emulator --weather aws --seed 7 --weather-scale 0.5 starts in that weather and says so', async () => {
  const io = capture();
  let release!: () => void;
  const until = new Promise<void>((resolve) => (release = resolve));
  let printed!: (url: string) => void;
  const started = new Promise<string>((resolve) => (printed = resolve));
  const running = emulatorCommand(
    { host: '127.0.0.1', port: 0, weather: 'aws', seed: '7', weatherScale: '0.5', until },
    { ...io, out: (t) => (io.out(t), printed(/ on (http:\/\/\S+)/.exec(t)?.[1] ?? '')) },
  );
  const url = await started;
  try {
    const body = (await (await fetch(`${url}/_idchain/weather`)).json()) as { weather: Record<string, unknown> };
    expect(body.weather).toMatchObject({ profile: 'aws', seed: 7, scale: 0.5, calls: 0 });
  } finally {
    release();
  }
  expect(await running).toBe(0);
  expect(io.stdout.join('\n')).toContain(`weather: aws (seed 7, scale 0.5); counters at ${url}/_idchain/weather`);
});

test('calm, the default, prints what it printed before weather existed', async () => {
  const io = capture();
  await emulatorCommand({ host: '127.0.0.1', port: 0, until: Promise.resolve() }, io);
  expect(io.stdout.join('\n')).toContain('idchain reference emulator');
  expect(io.stdout.join('\n')).not.toContain('weather');
});

test('a profile file that fails its schema is one message naming each problem: exit 2', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'idchain-cli-weather-')), 'bad.json');
  const cite = { source: 's', kind: 'est' };
  writeFileSync(
    file,
    JSON.stringify({
      name: 'bad',
      description: 'x',
      latency: { default: { medianMs: 5, p99Ms: 1, ...cite }, byOperation: {} },
      propagation: { medianMs: 0, p99Ms: 0, maxMs: 0, ...cite },
      quotas: [],
      faults: { rate: 0, slowRate: 0, slowFactor: 1, ...cite },
    }),
  );
  const io = capture();
  expect(await runCli(['emulator', '--port', '0', '--weather', file], io)).toBe(2);
  expect(io.stderr).toEqual([`idchain: Weather profile ${file} is not valid:\n  latency.default.p99Ms: p99Ms 1 is below medianMs 5; expected p99Ms ≥ medianMs`]);
});
