import { execFile, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startEmulator } from '../index';
import { oneCallThenThrottled } from './throttle-test-support';

// botocore (boto3, the AWS CLI) must see the weather's throttling answers as
// throttling, as it sees AWS's: its standard retry mode lists Throttling,
// TooManyRequestsException and SlowDown among the throttled error codes
// (botocore/retries/standard.py, ThrottledRetryableChecker). Without python3
// and boto3 this test fails naming what is missing; IDCHAIN_SKIP_MOTO=1 skips it
// instead (never counted as passed).
const probe = spawnSync('python3', ['-c', 'import boto3, botocore'], { encoding: 'utf8' });
const missing = probe.error ? 'python3 is not installed' : probe.status !== 0 ? `python3 cannot import boto3/botocore (${probe.stderr.trim().split('\n').pop()}); pip install boto3` : undefined;
const maybe = missing && process.env.IDCHAIN_SKIP_MOTO === '1' ? test.skip : test;

maybe('botocore parses each throttled answer, calls it throttling and retries it', async () => {
  if (missing) throw new Error(`The botocore weather test needs python3 with boto3: ${missing} (or set IDCHAIN_SKIP_MOTO=1 to skip it)`);
  const emu = await startEmulator({ weather: oneCallThenThrottled() }); // botocore signs by the real clock
  let stdout: string;
  try {
    ({ stdout } = await promisify(execFile)('python3', [join(__dirname, 'botocore-throttling.py')], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, EMULATOR_URL: emu.url, EMULATOR_REGION: emu.region, EMULATOR_ACCESS_KEY_ID: emu.credentials.accessKeyId, EMULATOR_SECRET_ACCESS_KEY: emu.credentials.secretAccessKey },
    }));
  } finally {
    await emu.stop();
  }
  const throttled = (code: string, message: string, status: number) => ({ code, message, status, throttling: true, retries: 1 });
  expect(JSON.parse(stdout)).toEqual({
    iam: throttled('Throttling', 'Rate exceeded', 400),
    sts: throttled('Throttling', 'Rate exceeded', 400),
    'cognito-idp': throttled('TooManyRequestsException', 'Rate exceeded', 400),
    'cognito-identity': throttled('TooManyRequestsException', 'Rate exceeded', 400),
    s3: throttled('SlowDown', 'Please reduce your request rate.', 503),
  });
});
