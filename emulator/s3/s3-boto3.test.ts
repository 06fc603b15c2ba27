import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { startEmulator } from '../index';

// boto3, the other SDK apps use, against an emulator started here: it must create
// a bucket, put and get an object (path-style). botocore signs and sends
// differently from the JS SDK (no trailing slash on CreateBucket, Expect:
// 100-continue, encoding-type=url on listings), which is what this covers.
// Without python3 and boto3 this test fails with one line naming what is
// missing; IDCHAIN_SKIP_MOTO=1 skips it instead (never counted as passed).
const SCRIPT = join(__dirname, 'boto3-path-style.py');

function missing(): string | undefined {
  const probe = spawnSync('python3', ['-c', 'import boto3, botocore'], { encoding: 'utf8' });
  if (probe.error) return 'python3 is not installed or not on PATH';
  const why = probe.stderr.trim().split('\n').pop();
  if (probe.status !== 0) return `python3 cannot import boto3/botocore${why ? ` (${why})` : ''}`;
  return undefined;
}

const absent = missing();
const maybe = absent && process.env.IDCHAIN_SKIP_MOTO === '1' ? test.skip : test;

function runPython(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [SCRIPT], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

maybe('boto3 creates a bucket, puts and gets an object, path-style', async () => {
  if (absent) throw new Error(`The boto3 test needs python3 with boto3: ${absent}. Install it (pip install boto3) or set IDCHAIN_SKIP_MOTO=1 to skip this test.`);
  const emu = await startEmulator();
  const run = await runPython({
    IDCHAIN_S3_ENDPOINT: emu.url,
    AWS_ACCESS_KEY_ID: emu.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: emu.credentials.secretAccessKey,
  }).finally(() => emu.stop());
  if (run.code !== 0) throw new Error(`boto3 script failed (exit ${run.code}): ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  const body = 'hello from boto3';
  expect(JSON.parse(run.stdout)).toEqual({
    etag: `"${createHash('md5').update(body).digest('hex')}"`,
    // botocore (1.36 and later) sends a CRC32 with every PutObject by default; S3 answers it back.
    checksumCrc32: expect.stringMatching(/^[A-Za-z0-9+/]{6}==$/),
    body,
    keys: ['greetings/hello world.txt'],
  });
});
