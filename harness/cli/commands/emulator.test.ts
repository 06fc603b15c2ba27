import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../program';
import type { CliIo } from '../io';
import { emulatorCommand } from './emulator';

function capture(): CliIo & { stdout: string[]; stderr: string[]; released: number } {
  const io = {
    stdout: [] as string[],
    stderr: [] as string[],
    released: 0,
    out: (t: string) => void io.stdout.push(t),
    err: (t: string) => void io.stderr.push(t),
    releaseOut: () => void io.released++,
  };
  return io;
}

/** Start the emulator command and stop it once it has printed: `until` is already resolved. */
async function printed(opts: { credentials?: string; printEnv?: string; env?: Record<string, string> }) {
  const io = capture();
  const code = await emulatorCommand({ host: '127.0.0.1', port: 0, region: 'eu-central-1', pid: 4242, env: {}, until: Promise.resolve(), ...opts }, io);
  return { code, io };
}

describe('idchain emulator: bad options are bad usage (exit 2), nothing started', () => {
  it.each([
    [['--credentials', 'test'], /--credentials: Credentials not allowed: no colon .*Expected ACCESS_KEY_ID:SECRET_ACCESS_KEY/],
    [['--credentials', 'te/st:x'], /--credentials: Access key id not allowed: "te\/st"/],
    [['--print-env', 'xml'], /argument 'xml' is invalid\. Allowed choices are shell, json/],
    [['--region', 'mars-1'], /Region not allowed: "mars-1"/],
  ])('%j', async (args, message) => {
    const io = capture();
    expect(await runCli(['emulator', '--port', '0', ...args], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(message);
    expect(io.stdout).toEqual([]);
  });

  it('a bad IDCHAIN_EMULATOR_CREDENTIALS is named as such, its secret not echoed', async () => {
    const io = capture();
    const run = emulatorCommand({ host: '127.0.0.1', port: 0, env: { IDCHAIN_EMULATOR_CREDENTIALS: 'test:my secret' }, until: Promise.resolve() }, io);
    await expect(run).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/^IDCHAIN_EMULATOR_CREDENTIALS: Secret access key not allowed \(9 characters\)/) });
    await expect(run).rejects.toThrow(expect.objectContaining({ message: expect.not.stringContaining('my secret') }));
  });
});

describe('idchain emulator --print-env', () => {
  it('json: one line with what a client needs, then stdout is released', async () => {
    const { code, io } = await printed({ credentials: 'test:test', printEnv: 'json' });
    expect(code).toBe(0);
    expect(io.stdout).toHaveLength(1);
    const env = JSON.parse(io.stdout[0]);
    expect(env).toEqual({
      AWS_ENDPOINT_URL: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      AWS_REGION: 'eu-central-1',
      AWS_DEFAULT_REGION: 'eu-central-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      IDCHAIN_EMULATOR_PID: '4242',
    });
    expect(io.released).toBe(1);
  });

  it('takes the keys from IDCHAIN_EMULATOR_CREDENTIALS without --credentials, and --credentials over it', async () => {
    const fromEnv = await printed({ printEnv: 'json', env: { IDCHAIN_EMULATOR_CREDENTIALS: 'envkey:envsecret' } });
    expect(JSON.parse(fromEnv.io.stdout[0])).toMatchObject({ AWS_ACCESS_KEY_ID: 'envkey', AWS_SECRET_ACCESS_KEY: 'envsecret' });
    const flag = await printed({ printEnv: 'json', credentials: 'flagkey:s', env: { IDCHAIN_EMULATOR_CREDENTIALS: 'envkey:envsecret' } });
    expect(JSON.parse(flag.io.stdout[0])).toMatchObject({ AWS_ACCESS_KEY_ID: 'flagkey', AWS_SECRET_ACCESS_KEY: 's' });
  });

  it('shell: a POSIX shell evaluates it to exactly those values, quotes and dollars in a secret included', async () => {
    const { io } = await printed({ credentials: `test:it's$HOME"x`, printEnv: 'shell' });
    expect(io.stdout).toHaveLength(1);
    const script = `${io.stdout[0]}\nprintf '%s|%s|%s|%s|%s\\n' "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY" "$AWS_REGION" "$AWS_DEFAULT_REGION" "\${AWS_SESSION_TOKEN-unset}"`;
    const shown = execFileSync('sh', ['-c', script], { encoding: 'utf8', env: { PATH: process.env.PATH, AWS_SESSION_TOKEN: 'left-over' } });
    expect(shown).toBe(`test|it's$HOME"x|eu-central-1|eu-central-1|unset\n`);
    expect(io.released).toBe(1);
  });

  it('without it: the banner for a person, with the same variables, and stdout kept', async () => {
    const { io } = await printed({ credentials: 'test:test' });
    const text = io.stdout.join('\n');
    expect(text).toContain('keys fixed by --credentials');
    expect(text).toMatch(/^ {2}export AWS_DEFAULT_REGION='eu-central-1'$/m);
    expect(text).toMatch(/^ {2}export AWS_ACCESS_KEY_ID='test'$/m);
    expect(io.released).toBe(0);
  });
});

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
