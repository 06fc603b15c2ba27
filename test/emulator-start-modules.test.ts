import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { HANG_GUARD_MS } from './hang-guard';

// Starting the emulator loads its request path, not its operations: each
// operation's module (and jose, xml-crypto, fast-xml-parser) is loaded on its
// first call (emulator/on-first-call.ts, lazy-modules.ts), and zod only for a
// weather profile from outside the package (weather/load-profile.ts). Checked on the
// build that `npm test` makes first, in a fresh node process, by what is in
// its module cache at each point. A plain `import` of an operations module in
// a service table would make this fail.
const root = join(__dirname, '..');

const script = `
  const { GetCallerIdentityCommand, STSClient } = require('@aws-sdk/client-sts');
  const { ListBucketsCommand, S3Client } = require('@aws-sdk/client-s3');
  const ours = () => Object.keys(require.cache).filter((k) => k.includes('/dist/emulator/') || /node_modules\\/(jose|xml-crypto|fast-xml-parser|zod)\\//.test(k))
    .map((k) => k.replace(/.*\\/dist\\//, '').replace(/.*node_modules\\/([^/]+)\\/.*/, '$1')).filter((v, i, a) => a.indexOf(v) === i);
  (async () => {
    const { startEmulator } = require('./dist/emulator');
    const emulator = await startEmulator({ port: 0, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    const config = { endpoint: emulator.url, region: emulator.region, credentials: emulator.credentials, maxAttempts: 1, forcePathStyle: true };
    const atStart = ours();
    const who = await new STSClient(config).send(new GetCallerIdentityCommand({}));
    const afterSts = ours();
    const buckets = await new S3Client(config).send(new ListBucketsCommand({}));
    const afterS3 = ours();
    await emulator.stop();
    console.log(JSON.stringify({ atStart, afterSts, afterS3, arn: who.Arn, buckets: buckets.Buckets?.length ?? 0 }));
  })();`;

const result = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8', timeout: HANG_GUARD_MS });
const seen = result.status === 0 ? JSON.parse(result.stdout) : undefined;

test('the probe ran and the emulator answered STS and S3', () => {
  expect({ status: result.status, stderr: result.status === 0 ? '' : result.stderr }).toEqual({ status: 0, stderr: '' });
  expect(seen.arn).toBe('arn:aws:iam::123456789012:user/idchain-admin');
  expect(seen.buckets).toBe(0);
});

const OPERATION_MODULES = [
  'emulator/iam/role-ops.js',
  'emulator/iam/saml-provider-ops.js',
  'emulator/iam/managed-policy-ops.js',
  'emulator/iam/attached-policy-ops.js',
  'emulator/iam/user-ops.js',
  'emulator/iam/access-key-ops.js',
  'emulator/iam/simulate-ops.js',
  'emulator/sts/get-caller-identity.js',
  'emulator/sts/assume-role.js',
  'emulator/sts/assume-role-with-saml.js',
  'emulator/cognito-idp/auth-ops.js',
  'emulator/cognito-idp/pool-ops.js',
  'emulator/cognito-identity/get-credentials.js',
  'emulator/cognito-identity/principal-tags.js',
  'emulator/s3/routes.js',
  'emulator/s3/object-ops.js',
];

test('a started emulator has loaded its request path and none of its operations', () => {
  expect(seen.atStart).toEqual(expect.arrayContaining(['emulator/server.js', 'emulator/router.js', 'emulator/auth/sigv4.js', 'emulator/policy/evaluate.js']));
  expect(seen.atStart.filter((m: string) => OPERATION_MODULES.includes(m) || ['jose', 'xml-crypto', 'fast-xml-parser', 'zod'].includes(m))).toEqual([]);
});

test('a first GetCallerIdentity loads that operation only; a first S3 request loads S3', () => {
  const loadedBy = (before: string[], after: string[]) => after.filter((m) => !before.includes(m) && OPERATION_MODULES.includes(m));
  expect(loadedBy(seen.atStart, seen.afterSts)).toEqual(['emulator/sts/get-caller-identity.js']);
  expect(loadedBy(seen.afterSts, seen.afterS3).sort()).toEqual(['emulator/s3/object-ops.js', 'emulator/s3/routes.js']);
});
