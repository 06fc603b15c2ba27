import { createServer, type Server } from 'node:net';
import { runCli } from './program';
import type { CliIo } from './io';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t) };
}

async function listening(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as { port: number }).port };
}

describe('idchain CLI exit codes (DESIGN.md § CLI contract)', () => {
  it('--help exits 0', async () => {
    const io = capture();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('run');
  });

  it('an unknown flag is bad usage: exit 2 with one clear message', async () => {
    const io = capture();
    expect(await runCli(['run', '--tagret', 'reference'], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/unknown option '--tagret'/);
  });

  it('an unknown target is bad usage: exit 2, listing the targets', async () => {
    const io = capture();
    expect(await runCli(['run', '--target', 'nonesuch'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain("Unknown target 'nonesuch'. Expected one of: reference, aws");
  });

  it('a suite glob that matches nothing is bad usage: exit 2', async () => {
    const io = capture();
    expect(await runCli(['run', '--suite', 'no-such-suite'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('--suite no-such-suite matches no suite or case');
  });

  it('an unreachable endpoint is target unavailable: exit 3, nothing created', async () => {
    const { server, port } = await listening();
    await new Promise<void>((r) => server.close(() => r()));
    const io = capture();
    expect(await runCli(['run', '--target', 'moto', '--endpoint', `http://127.0.0.1:${port}`, '--report-dir', '/nonexistent-never-written'], io)).toBe(3);
    expect(io.stderr.join('\n')).toContain(`moto at http://127.0.0.1:${port} is not reachable`);
  });

  it('aws without an allow-list is refused before anything is created: exit 2', async () => {
    const saved = { ...process.env };
    process.env.AWS_REGION = 'us-east-1';
    delete process.env.IDCHAIN_AWS_ACCOUNTS;
    try {
      const io = capture();
      expect(await runCli(['run', '--target', 'aws'], io)).toBe(2);
      expect(io.stderr.join('\n')).toContain('needs IDCHAIN_AWS_ACCOUNTS');
    } finally {
      process.env = saved;
    }
  });

  it.each([
    ['run', '--target', 'reference'],
    ['record', '--target', 'reference'],
    ['conformance', '--targets', 'reference'],
    ['flow', 'enhanced'],
    ['flow', 'saml'],
    ['sweep', '--target', 'reference'],
    ['emulator', '--port', '0'],
  ].map((args) => [args.join(' '), args] as const))('%s refuses a malformed --region before anything starts: exit 2, saying what a Region looks like', async (_, args) => {
    const io = capture();
    expect(await runCli([...args, '--region', 'Milan'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('idchain: Region not allowed: "Milan" (--region). Expected a Region code of the aws, aws-cn or aws-us-gov partition, e.g. us-east-1, eu-south-1');
  });

  it('a malformed AWS_REGION is refused the same way when no --region is given', async () => {
    const saved = process.env.AWS_REGION;
    process.env.AWS_REGION = 'europe';
    try {
      const io = capture();
      expect(await runCli(['run', '--suite', 'user-pools'], io)).toBe(2);
      expect(io.stderr.join('\n')).toContain('Region not allowed: "europe" (AWS_REGION)');
    } finally {
      if (saved === undefined) delete process.env.AWS_REGION;
      else process.env.AWS_REGION = saved;
    }
  });

  it('emulator refuses a port that is not a port, and one in use: exit 2', async () => {
    let io = capture();
    expect(await runCli(['emulator', '--port', '70000'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('--port 70000 is not a port');
    const { server, port } = await listening();
    try {
      io = capture();
      expect(await runCli(['emulator', '--port', String(port)], io)).toBe(2);
      expect(io.stderr.join('\n')).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    } finally {
      server.close();
    }
  });

  it.each([
    [['--weather', 'stormy'], "Unknown weather profile 'stormy'. Expected: calm, aws, or the path of a JSON weather profile"],
    [['--weather', '/nonexistent/profile.json'], 'Cannot read weather profile /nonexistent/profile.json: ENOENT'],
    [['--seed', 'seven'], '--seed seven is not a whole number. Expected: a whole number such as 7.'],
    [['--weather-scale', 'fast'], '--weather-scale fast is not a number. Expected: a positive number such as 1 or 0.01.'],
    [['--weather-scale', '0'], 'Weather scale 0 is not usable. Expected: a number from 0.0001 to 100'],
  ])('emulator %j is bad usage: exit 2, one message, nothing listens', async (flags, message) => {
    const io = capture();
    expect(await runCli(['emulator', '--port', '0', ...flags], io)).toBe(2);
    expect(io.stderr).toEqual([expect.stringContaining(`idchain: ${message}`)]);
    expect(io.stdout).toEqual([]);
  });
});
