import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Citation } from '../cases/citation';
import type { CaseResult, RunResult } from '../runner/result';
import { toReportJson } from './report-json';
import { toMarkdown } from './report-markdown';
import { toHtml } from './report-html';
import { checkReportJson } from './report-schema';
import { writeReport } from './write-report';

// One citation of each kind, as the suites write them (suites/citations.ts).
const DOC: Citation = { kind: 'doc', ref: 'STS-API AssumeRoleWithWebIdentity', url: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html' };
const OBS: Citation = { kind: 'obs', ref: 'seen in a bug report' };
const INFERRED: Citation = { kind: 'inferred', ref: 'a user in no group is denied: the docs describe no token without cognito:roles' };
const CONFLICT: Citation = {
  kind: 'conflict',
  ref: 'basic-flow credentials above one hour',
  sides: [
    {
      ref: 'CI-API GetOpenIdTokenForDeveloperIdentity',
      url: 'https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetOpenIdTokenForDeveloperIdentity.html',
      quote: 'You can exchange the token with Amazon STS for temporary AWS credentials, which are valid for a maximum of one hour.',
    },
    { ref: 'CG "Identity pools authentication flow"', quote: 'You can also request a custom role session duration <up to the role maximum>.' },
  ],
  asserts: 'the CG reading: up to the role MaxSessionDuration',
};

const kase = (id: string, citations: Citation[]): CaseResult => ({ id, suite: 'basic-flow', title: `${id} title`, verdict: 'pass', durationMs: 1, citations, findings: [], steps: [], fixtureNames: [] });

const run: RunResult = {
  target: 'reference',
  provenance: { target: 'reference', targetKind: 'emulator', region: 'eu-south-1', harnessVersion: '0.1.0', sdkVersions: {}, node: 'v20' },
  startedAt: '2026-12-01T00:00:00.000Z',
  durationMs: 10,
  cases: [
    kase('basic/duration-7200-accepted-max-7200', [DOC, CONFLICT]),
    kase('enhanced/no-group-denied', [DOC, OBS, INFERRED]),
    kase('basic/app-chosen-role', [DOC]),
    kase('basic/another-on-the-same-conflict', [CONFLICT, INFERRED]),
  ],
  leftovers: [],
};

describe('report.json carries each citation kind (DESIGN.md § CLI contract)', () => {
  const report = toReportJson(run);
  it('conflict with both sides and what it asserts; inferred, doc and obs as they are', () => {
    expect(report.cases[0].citations[1]).toEqual(CONFLICT);
    expect(report.cases[1].citations.map((c) => c.kind)).toEqual(['doc', 'obs', 'inferred']);
    expect(checkReportJson(report)).toBe(report);
  });
  it('the schema refuses a conflict without its asserted reading, or with one side', () => {
    const broken = (citation: unknown) => ({ ...report, cases: [{ ...report.cases[0], citations: [citation] }] });
    expect(() => checkReportJson(broken({ ...CONFLICT, asserts: '' }))).toThrow('report.json would break its contract (DESIGN.md § CLI contract) at cases.0.citations.0.asserts');
    expect(() => checkReportJson(broken({ ...CONFLICT, sides: [CONFLICT.kind === 'conflict' && CONFLICT.sides[0]] }))).toThrow(/at cases\.0\.citations\.0\.sides/);
    expect(() => checkReportJson(broken({ kind: 'hunch', ref: 'x' }))).toThrow(/at cases\.0\.citations\.0/);
  });
});

describe('report.md shows [conflict] and [inferred] beside the case, and each conflict in full', () => {
  const md = toMarkdown(toReportJson(run));
  it('marks the cases', () => {
    expect(md).toContain('| `basic/duration-7200-accepted-max-7200` [conflict] | ✅ pass |');
    expect(md).toContain('| `enhanced/no-group-denied` [inferred] | ✅ pass |');
    expect(md).toContain('| `basic/another-on-the-same-conflict` [conflict] [inferred] | ✅ pass |');
    expect(md).toContain('| `basic/app-chosen-role` | ✅ pass |');
  });
  it('quotes both sides once, says which reading is asserted, and names the cases', () => {
    const at = md.indexOf('## Where AWS contradicts itself [conflict]');
    expect(at).toBeGreaterThan(0);
    expect(md.slice(at).split('\n').slice(2, 8)).toEqual([
      '### basic-flow credentials above one hour',
      '',
      '- [CI-API GetOpenIdTokenForDeveloperIdentity](https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetOpenIdTokenForDeveloperIdentity.html): “You can exchange the token with Amazon STS for temporary AWS credentials, which are valid for a maximum of one hour.”',
      '- CG "Identity pools authentication flow": “You can also request a custom role session duration <up to the role maximum>.”',
      '- **Asserted:** the CG reading: up to the role MaxSessionDuration',
      '- Cases: `basic/duration-7200-accepted-max-7200`, `basic/another-on-the-same-conflict`',
    ]);
    expect(md.match(/### basic-flow credentials above one hour/g)).toHaveLength(1);
  });
  it('lists what rests on inference, with its cases', () => {
    expect(md).toContain('## What rests on inference [inferred]\n\n- a user in no group is denied: the docs describe no token without cognito:roles — `enhanced/no-group-denied`, `basic/another-on-the-same-conflict`');
  });
  it("adds what the run's Region rests on: in eu-south-1 the identity-pool principal and Logins key", () => {
    expect(md).toContain(
      "- Region eu-south-1: the identity-pool trust principal, condition-key prefix and STS Provider cognito-identity.eu-south-1.amazonaws.com: AWS names none for opt-in Regions; chosen like GovCloud (US-East)'s, the regional issuer's host — every case with an identity-pool role",
    );
  });
  it('a us-east-1 report with neither kind has neither section', () => {
    const plain = toMarkdown(toReportJson({ ...run, provenance: { ...run.provenance, region: 'us-east-1' }, cases: [run.cases[2]] }));
    expect(plain).not.toContain('[conflict]');
    expect(plain).not.toContain('[inferred]');
    expect(plain).not.toContain('Region us-east-1:');
  });
});

describe('report.html shows the same', () => {
  const html = toHtml(toReportJson(run));
  it('marks the cases beside their ids', () => {
    expect(html).toContain('<code>basic/duration-7200-accepted-max-7200</code> <span class="k k-conflict">[conflict]</span><br>');
    expect(html).toContain('<code>basic/another-on-the-same-conflict</code> <span class="k k-conflict">[conflict]</span> <span class="k k-inferred">[inferred]</span><br>');
    expect(html).toContain('<code>basic/app-chosen-role</code><br>');
  });
  it('quotes both sides (escaped), links them, and says which reading is asserted', () => {
    expect(html).toContain(
      '<blockquote>“You can exchange the token with Amazon STS for temporary AWS credentials, which are valid for a maximum of one hour.”<br>— <a href="https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetOpenIdTokenForDeveloperIdentity.html">CI-API GetOpenIdTokenForDeveloperIdentity</a></blockquote>',
    );
    expect(html).toContain('<blockquote>“You can also request a custom role session duration &lt;up to the role maximum&gt;.”<br>— CG &quot;Identity pools authentication flow&quot;</blockquote>');
    expect(html).toContain('<strong>Asserted:</strong> the CG reading: up to the role MaxSessionDuration');
    expect(html).not.toContain('<up to the role maximum>');
  });
  it('lists conflicts and inferences after the cases, with their cases', () => {
    expect(html).toContain('<h2>Where AWS contradicts itself</h2>');
    expect(html).toContain('<h2>What rests on inference</h2>');
    expect(html).toContain('<li><span class="k k-inferred">[inferred]</span> Region eu-south-1: the Logins key of an OpenID token cognito-identity.eu-south-1.amazonaws.com');
    expect(html).toContain('<span class="k k-inferred">[inferred]</span> a user in no group is denied: the docs describe no token without cognito:roles — <code>enhanced/no-group-denied</code>, <code>basic/another-on-the-same-conflict</code>');
  });
});

test('writeReport writes the kinds to disk in all three files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'idchain-citation-kinds-'));
  try {
    const { dir: out } = writeReport(run, dir);
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(json.cases.flatMap((c: { citations: { kind: string }[] }) => c.citations.map((x) => x.kind))).toEqual(['doc', 'conflict', 'doc', 'obs', 'inferred', 'doc', 'conflict', 'inferred']);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('[conflict]');
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('k-inferred');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
