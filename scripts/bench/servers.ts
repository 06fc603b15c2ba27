import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { rawClient } from './raw-client';

/** Where the compiled CLI is: the bench measures what users run, never the TypeScript sources. */
export const CLI = join(__dirname, '..', '..', 'dist', 'harness', 'cli', 'main.js');

/** Keys both servers accept: fixed on the emulator with --credentials, anything goes on moto. */
export const KEYS = { accessKeyId: 'test', secretAccessKey: 'test' };
export const REGION = 'us-east-1';

export type ServerName = 'idchain' | 'moto';

export interface RunningServer {
  name: ServerName;
  url: string;
  pid: number;
  /** Milliseconds from spawn to the first successful signed request. */
  readyMs: number;
  /** Peak resident memory so far (VmHWM), MiB; undefined where /proc is not there. */
  peakRssMiB(): number | undefined;
  /** CPU time the server process has used so far, all its threads, ms; undefined where /proc is not there. */
  cpuMs(): number | undefined;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function command(name: ServerName, port: number): { file: string; args: string[] } {
  if (name === 'moto') return { file: process.env.IDCHAIN_PYTHON || 'python3', args: ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)] };
  return { file: process.execPath, args: [CLI, 'emulator', '--port', String(port), '--credentials', `${KEYS.accessKeyId}:${KEYS.secretAccessKey}`] };
}

function peakRss(pid: number): number | undefined {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** User plus system CPU time of a process and all its threads, from /proc/<pid>/stat (clock ticks of 10 ms). */
function cpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/**
 * Spawn a server and time it until a signed STS GetCallerIdentity succeeds:
 * the same first request for both, polled every 2 ms through the light client
 * (raw-client.ts), so the bench's own polling takes little of the CPU the
 * starting server needs.
 */
export async function startServer(name: ServerName, env: NodeJS.ProcessEnv = process.env, timeoutMs = 60_000): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { file, args } = command(name, port);
  const started = performance.now();
  const child: ChildProcess = spawn(file, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => void (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let gone = false;
  void exited.then(() => (gone = true));
  const probe = rawClient(url, REGION, KEYS, 1);
  for (;;) {
    if (gone) throw new Error(`${name} exited before answering: ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
    if (performance.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not answer within ${timeoutMs} ms`);
    }
    try {
      await probe.query('sts', { Action: 'GetCallerIdentity', Version: '2011-06-15' });
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 2));
    }
  }
  const readyMs = performance.now() - started;
  probe.close();
  return {
    name,
    url,
    pid: child.pid!,
    readyMs,
    peakRssMiB: () => peakRss(child.pid!),
    cpuMs: () => cpuMs(child.pid!),
    stop: async () => {
      if (!gone) child.kill('SIGTERM');
      await exited;
    },
  };
}
