import type { RunResult } from '../runner/result';
import { toReportJson } from './report-json';
import { toMarkdown } from './report-markdown';
import { toJUnit } from './junit';
import { toHtml } from './report-html';
import { consoleSummary } from './console-summary';

const run: RunResult = {
  target: 'reference',
  provenance: { target: 'reference', targetKind: 'emulator', targetVersion: '0.1.0', region: 'us-east-1', harnessVersion: '0.1.0', sdkVersions: {}, node: 'v20' },
  startedAt: '2026-11-22T00:00:00.000Z',
  durationMs: 1234,
  cases: [
    { id: 'enhanced/a', suite: 'enhanced-flow', title: 'A passes', verdict: 'pass', durationMs: 5, citations: [{ kind: 'doc', ref: 'CG' }], findings: [], steps: [], fixtureNames: [] },
    {
      id: 'enhanced/b',
      suite: 'enhanced-flow',
      title: 'B <fails>',
      verdict: 'fail',
      durationMs: 7,
      citations: [{ kind: 'obs', ref: 'x' }],
      findings: [{ path: 'idToken.cognito:preferred_role', kind: 'contract', expected: 'arn:admin', actual: 'arn:editor' }],
      // Raw steps hold secrets and must never appear in a report.
      steps: [{ service: 'sts', operation: 'GetCallerIdentity', input: {}, output: { SecretAccessKey: 'raw-secret-value-123' }, sentAt: 0, durationMs: 1 }],
      fixtureNames: [],
    },
    { id: 'enhanced/c', suite: 'enhanced-flow', title: 'C', verdict: 'error', durationMs: 0, citations: [{ kind: 'doc', ref: 'CG' }], findings: [], steps: [], fixtureNames: [], error: 'TypeError: boom' },
  ],
  leftovers: [],
};

describe('report.json (DESIGN.md § CLI contract)', () => {
  const report = toReportJson(run);
  it('has the documented top-level keys and summary', () => {
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['target', 'provenance', 'startedAt', 'durationMs', 'summary', 'cases']));
    expect(report.summary).toEqual({ total: 3, pass: 1, fail: 1, unsupported: 0, error: 1 });
  });
  it('has the documented case and finding keys, and no raw steps', () => {
    expect(Object.keys(report.cases[1])).toEqual(['id', 'suite', 'title', 'verdict', 'durationMs', 'citations', 'findings']);
    expect(report.cases[1].findings[0]).toEqual({ path: 'idToken.cognito:preferred_role', kind: 'contract', expected: 'arn:admin', actual: 'arn:editor' });
    expect(JSON.stringify(report)).not.toContain('raw-secret-value-123');
  });
});

describe('report renderings', () => {
  const report = toReportJson(run);
  it('markdown shows each finding as expected/actual', () => {
    const md = toMarkdown(report);
    expect(md).toContain('| `enhanced/b` | ❌ fail |');
    expect(md).toContain('- expected: arn:admin');
    expect(md).toContain('+ actual:   arn:editor');
    expect(md).toContain('Harness error: TypeError: boom');
  });
  it('markdown lists accepted deviations apart from the findings', () => {
    const withDeviation = toReportJson({
      ...run,
      cases: [{ ...run.cases[0], findings: [{ path: 'idToken.iss', kind: 'deviation', expected: 'aws', actual: 'local', source: 'accepted deviation: configured locally' }] }],
    });
    const md = toMarkdown(withDeviation);
    expect(md).toContain('## Known deviations (accepted, not failures)');
    expect(md).toContain('- `enhanced/a` **idToken.iss**: expected aws, actual local — configured locally');
    expect(md).not.toContain('## Findings');
  });

  it('junit has one failure and one error, escaped', () => {
    const xml = toJUnit(report);
    expect(xml).toContain('tests="3" failures="1" errors="1" skipped="0"');
    expect(xml).toContain('B &lt;fails&gt;');
  });
  it('html escapes titles and carries verdict classes for filtering', () => {
    const html = toHtml(report);
    expect(html).toContain('B &lt;fails&gt;');
    expect(html).toContain('data-verdicts="fail"');
    expect(html).not.toContain('<fails>');
  });
  it('the console summary lists the findings of failed cases and the totals', () => {
    const text = consoleSummary(report);
    expect(text).toMatch(/^enhanced\/b +FAIL +7 ms$/m);
    expect(text).toContain('idToken.cognito:preferred_role (contract): expected arn:admin, actual arn:editor');
    expect(text).toContain('reference: 3 cases, 1 pass, 1 fail, 0 unsupported, 1 error');
  });
});

describe('table-driven case families', () => {
  const row = (id: string, verdict: 'pass' | 'fail', cells: Record<string, string | number>) => ({
    id,
    suite: 'sts-duration-bounds',
    title: id,
    verdict,
    durationMs: 1,
    citations: [{ kind: 'doc' as const, ref: 'STS-API' }],
    findings: verdict === 'fail' ? [{ path: 'AssumeRole.Credentials.lifetimeSeconds', kind: 'contract' as const, expected: 900, actual: 3600 }] : [],
    steps: [],
    fixtureNames: [],
    table: { family: 'STS DurationSeconds bounds', row: cells },
  });
  const report = toReportJson({
    ...run,
    cases: [
      row('sts-duration/assume-role-899', 'pass', { operation: 'AssumeRole', 'role max': 3600, requested: 899, expected: 'ValidationError' }),
      run.cases[0],
      row('sts-duration/session-token-900', 'fail', { operation: 'GetSessionToken', requested: 900, expected: '900 s', caller: 'IAM user' }),
    ],
  });

  it('report.json keeps each row beside its case', () => {
    expect(report.cases[0]).toMatchObject({ table: { family: 'STS DurationSeconds bounds', row: { requested: 899 } } });
    expect(Object.keys(report.cases[1])).not.toContain('table');
  });

  it('markdown shows a family as one table, columns from the first row, a missing cell as a dash', () => {
    const md = toMarkdown(report).split('\n');
    const at = md.indexOf('## STS DurationSeconds bounds');
    expect(md.slice(at + 2, at + 6)).toEqual([
      '| operation | role max | requested | expected | caller | verdict | case |',
      '|---|---|---|---|---|---|---|',
      '| AssumeRole | 3600 | 899 | ValidationError | — | ✅ pass | `sts-duration/assume-role-899` |',
      '| GetSessionToken | — | 900 | 900 s | IAM user | ❌ fail | `sts-duration/session-token-900` |',
    ]);
  });

  it('html shows the same table with verdict styles', () => {
    const html = toHtml(report);
    expect(html).toContain('<h2>STS DurationSeconds bounds</h2>');
    expect(html).toContain('<td>GetSessionToken</td><td>—</td><td>900</td><td>900 s</td><td>IAM user</td><td><span class="v v-fail">fail</span></td>');
  });
});

describe('the console summary of a cut-short run', () => {
  const notRun = (id: string) => ({ id, suite: 'enhanced-flow', title: id, verdict: 'error' as const, durationMs: 0, citations: [], findings: [], steps: [], fixtureNames: [], error: 'not run: --bail stopped the run after enhanced/b failed' });
  const report = toReportJson({ ...run, cases: [...run.cases, notRun('enhanced/d'), notRun('enhanced/e'), notRun('enhanced/f'), notRun('enhanced/g')] });
  it('prints an error many cases share once, and a lone error with its case; without the table when asked', () => {
    const text = consoleSummary(report, undefined, { table: false });
    expect(text.split('\n')).toEqual([
      'enhanced/b: B <fails>',
      '  idToken.cognito:preferred_role (contract): expected arn:admin, actual arn:editor',
      'enhanced/c: C',
      '  harness error: TypeError: boom',
      '4 cases, harness error: not run: --bail stopped the run after enhanced/b failed',
      '',
      'reference: 7 cases, 1 pass, 1 fail, 0 unsupported, 5 error in 1.2 s',
    ]);
  });
});

describe('a weathered run: weather, criticalPathMs and what the critical path is made of', () => {
  const weathered: RunResult = {
    ...run,
    durationMs: 90_000,
    weather: {
      profile: 'aws',
      seed: 7,
      scale: 1,
      calls: 1340,
      retries: 72,
      throttled: 6,
      transientFaults: 1,
      propagationWaitMs: 59_876.4,
      callsPerService: { iam: 361, sts: 269 },
      throttledOperations: { 'iam:CreateRole': 6 },
      rateLimited: { requests: 120, waitedMs: 30_000 },
    },
    criticalPath: {
      ms: 72_000.4,
      chainMs: 72_000.4,
      rateMs: 15_400,
      busiestQuota: { id: 'iam:write', calls: 174, ratePerSecond: 10, burst: 20 },
      chain: [
        { id: 's/iam-role:a', kind: 'resource', ms: 12_000.4 },
        { id: 's/settle', kind: 'settle', ms: 60_000 },
      ],
    },
  };
  const report = toReportJson(weathered);

  it('report.json carries them as DESIGN names them, in whole milliseconds', () => {
    expect(report.weather).toEqual({ ...weathered.weather, propagationWaitMs: 59_876 });
    expect(report.criticalPathMs).toBe(72_000);
    expect(report.criticalPath).toEqual({
      chainMs: 72_000,
      rateMs: 15_400,
      busiestQuota: { id: 'iam:write', calls: 174, ratePerSecond: 10, burst: 20 },
      chain: [
        { id: 's/iam-role:a', kind: 'resource', ms: 12_000 },
        { id: 's/settle', kind: 'settle', ms: 60_000 },
      ],
    });
  });

  it('on AWS, whose weather has no seed, the seed is null and the lines leave it out', () => {
    const aws = toReportJson({ ...weathered, target: 'aws', weather: { ...weathered.weather!, seed: null } });
    expect(aws.weather?.seed).toBeNull();
    expect(toMarkdown(aws)).toContain('Weather **aws** (scale 1): wall 90.0 s');
    expect(consoleSummary(aws)).toContain('weather aws scale 1: critical path 72.0 s');
  });

  it('a calm run has none of them', () => {
    expect(Object.keys(toReportJson(run))).not.toEqual(expect.arrayContaining(['weather']));
    expect(toReportJson(run).criticalPathMs).toBeUndefined();
  });

  it('markdown, HTML and the console show wall, critical path and their ratio', () => {
    const md = toMarkdown(report);
    expect(md).toContain('Weather **aws** (seed 7, scale 1): wall 90.0 s, critical path 72.0 s, ratio 1.25.');
    expect(md).toContain("Critical path = the longer of the longest chain (72.0 s) and the busiest quota's calls over its rate (15.4 s, iam:write); here the longest chain (2 links: s/iam-role:a 12.0 s → s/settle 60.0 s).");
    expect(md).toContain('1340 requests (iam 361, sts 269); 72 retries, 6 throttled, 1 transient faults; 120 held by the limiters to stay under their quotas; cases held 59.9 s at most for IAM to propagate.');
    expect(toHtml(report)).toContain('<p class="weather">Weather <strong>aws</strong> (seed 7, scale 1): wall 90.0 s, critical path 72.0 s, ratio 1.25.</p>');
    expect(consoleSummary(report)).toContain('weather aws seed 7 scale 1: critical path 72.0 s, wall/critical 1.25; 1340 requests, 72 retries, 6 throttled, 1 transient faults');
  });
});
