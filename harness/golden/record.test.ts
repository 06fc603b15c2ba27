import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunResult } from '../runner/result';
import { recordGoldens } from './record';

// Provenance `aws` is written only for what AWS's own endpoints answered
// (DESIGN.md § Real AWS, safely): the recorder keeps each call's host.
const dir = mkdtempSync(join(tmpdir(), 'idchain-record-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function awsRun(hosts: (string | undefined)[]): RunResult {
  return {
    target: 'aws',
    provenance: { target: 'aws', targetKind: 'aws', region: 'us-east-1', harnessVersion: '0.1.0', sdkVersions: {}, node: 'v20' },
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1,
    leftovers: [],
    cases: [
      {
        id: 'enhanced/x',
        suite: 'enhanced-flow',
        title: 'x',
        verdict: 'pass',
        durationMs: 1,
        citations: [],
        findings: [],
        fixtureNames: [],
        steps: hosts.map((host) => ({ service: 'sts' as const, operation: 'GetCallerIdentity', input: {}, output: { Account: '111111111111' }, httpStatus: 200, host, sentAt: 0, durationMs: 1 })),
      },
    ],
  };
}

test.each([['sts.us-east-1.amazonaws.com'], ['cognito-idp.cn-north-1.amazonaws.com.cn'], ['sts.us-east-1.api.aws']])('a case answered by %s is recorded as aws', (host) => {
  const out = recordGoldens(awsRun([host]), join(dir, host), new Date('2026-01-02T00:00:00Z'));
  expect(out.written).toHaveLength(1);
});

test.each([['127.0.0.1'], ['localhost'], ['amazonaws.com.evil.example'], ['sts.amazonaws.com.evil']])('a case any call of which %s answered is not recorded as aws', (host) => {
  const goldenDir = join(dir, `bad-${host}`);
  const out = recordGoldens(awsRun(['sts.us-east-1.amazonaws.com', host]), goldenDir, new Date('2026-01-02T00:00:00Z'));
  expect(out.written).toEqual([]);
  expect(out.skipped).toEqual([{ id: 'enhanced/x', why: `answered by ${host}, not an AWS endpoint: an aws golden holds only AWS's answers` }]);
  expect(existsSync(join(goldenDir, 'aws'))).toBe(false);
});
