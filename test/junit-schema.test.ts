import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { validateXML } from 'xmllint-wasm';
import { runContract, type RunResult } from '../harness';
import { toReportJson } from '../harness/report/report-json';
import { toJUnit } from '../harness/report/junit';

// junit.xml is read by CI systems: it must validate against the JUnit schema
// they read (test/fixtures/junit/README.md says which and where from), and put
// what a CI page shows where CI pages look for it.
const XSD = readFileSync(join(__dirname, 'fixtures', 'junit', 'jenkins-junit.xsd'), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'idchain-junit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function schemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'junit.xml', contents: xml }], schema: [XSD] });
  return result.errors.map((e) => e.message);
}

const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, htmlEntities: true, attributeNamePrefix: '', textNodeName: 'text', isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(xml);

const cite = [{ kind: 'doc' as const, ref: 'CG' }];
const base = { citations: cite, steps: [], fixtureNames: [] };
const run: RunResult = {
  target: 'reference',
  provenance: { target: 'reference', targetKind: 'emulator', region: 'us-east-1', harnessVersion: '0', sdkVersions: {}, node: 'v20' },
  startedAt: '2026-11-22T08:15:30.250Z',
  durationMs: 4321,
  cases: [
    { ...base, id: 'enhanced/a', suite: 'enhanced-flow', title: 'A passes', verdict: 'pass', durationMs: 5, findings: [] },
    {
      ...base,
      id: 'enhanced/b',
      suite: 'enhanced-flow',
      title: 'B "quoted" <fails>',
      verdict: 'fail',
      durationMs: 1250,
      findings: [
        { path: 'GetCallerIdentity.Arn.role', kind: 'contract', expected: 'admin', actual: 'line one\nline two\u0007' },
        { path: 'GetId', kind: 'unexpected-success', expected: { error: 'NotAuthorizedException' }, actual: 'success' },
        { path: 'idToken.iss', kind: 'deviation', expected: 'aws', actual: 'local', source: 'accepted deviation' },
      ],
    },
    { ...base, id: 'basic/c', suite: 'basic-flow', title: 'C', verdict: 'error', durationMs: 0, findings: [], error: 'TypeError: boom\n    at somewhere' },
    {
      ...base,
      id: 'basic/d',
      suite: 'basic-flow',
      title: 'D',
      verdict: 'unsupported',
      durationMs: 0,
      findings: [{ path: 'fixture.identityPool', kind: 'unsupported', expected: 'implemented', actual: 'HTTP 500: SetIdentityPoolRoles is not yet implemented' }],
    },
  ],
  leftovers: [],
};

describe('junit.xml', () => {
  const xml = toJUnit(toReportJson(run));
  const doc = parse(xml);

  test('validates against the Jenkins JUnit schema, odd characters and all', async () => {
    expect(await schemaErrors(xml)).toEqual([]);
  });

  test('the check can fail: a skipped message attribute and a root skipped count are refused', async () => {
    const broken = xml.replace('<testsuites ', '<testsuites skipped="1" ').replace('<skipped>', '<skipped message="x">');
    expect(await schemaErrors(broken)).toEqual([
      "Schemas validity error : Element 'testsuites', attribute 'skipped': The attribute 'skipped' is not allowed.",
      "Schemas validity error : Element 'skipped', attribute 'message': The attribute 'message' is not allowed.",
    ]);
  });

  test('totals and the run time on the root; counts, time and timestamp on each suite', () => {
    const root = doc.testsuites;
    expect([root.tests, root.failures, root.errors, root.time]).toEqual(['4', '1', '1', '4.321']);
    expect(root.testsuite.map((s: Record<string, string>) => [s.name, s.tests, s.failures, s.errors, s.skipped, s.time, s.timestamp])).toEqual([
      ['reference.enhanced-flow', '2', '1', '0', '0', '1.255', '2026-11-22T08:15:30'],
      ['reference.basic-flow', '2', '0', '1', '1', '0.000', '2026-11-22T08:15:30'],
    ]);
  });

  test("a failure's message is its first finding; its text holds every finding, deviations apart", () => {
    const failure = doc.testsuites.testsuite[0].testcase[1].failure;
    expect(failure.message).toBe('GetCallerIdentity.Arn.role: expected admin, actual line one\nline two\uFFFD');
    expect(failure.type).toBe('contract');
    expect(failure.text.split('\n')).toEqual([
      'GetCallerIdentity.Arn.role (contract): expected admin, actual line one',
      'line two\uFFFD',
      'GetId (unexpected-success): expected {"error":"NotAuthorizedException"}, actual success',
      '',
      'accepted deviations:',
      'idToken.iss (deviation): expected aws, actual local [accepted deviation]',
    ]);
  });

  test('an unsupported case is skipped with its evidence; a harness error keeps its first line as message', () => {
    const [error, skipped] = doc.testsuites.testsuite[1].testcase;
    expect(skipped.skipped).toBe('fixture.identityPool: HTTP 500: SetIdentityPoolRoles is not yet implemented');
    expect(error.error).toMatchObject({ message: 'TypeError: boom', text: 'TypeError: boom\n    at somewhere' });
  });
});

test('the junit.xml a real run writes validates, and names the first finding of each caught case', async () => {
  // precedence-reversed makes two cases fail with real findings (test/suites-can-fail.test.ts).
  const { reportDir } = await runContract({ mutants: ['precedence-reversed'], suite: 'enhanced/lowest-precedence-wins,pool/zero-is-highest-precedence,enhanced/admin-gets-preferred-role', baseline: false, reportDir: work, ledgerDir: join(work, 'ledger') });
  const xml = readFileSync(join(reportDir!, 'junit.xml'), 'utf8');
  expect(await schemaErrors(xml)).toEqual([]);
  const cases = parse(xml).testsuites.testsuite.flatMap((s: { testcase: unknown[] }) => s.testcase) as { name: string; failure?: { message: string } }[];
  expect(cases.map((c) => [c.name.split(' — ')[0], c.failure?.message.split(':')[0]])).toEqual([
    ['pool/zero-is-highest-precedence', expect.any(String)],
    ['enhanced/admin-gets-preferred-role', undefined],
    ['enhanced/lowest-precedence-wins', expect.any(String)],
  ]);
  for (const c of cases.filter((x) => x.failure)) expect(c.failure!.message).toMatch(/^\S+: expected .+, actual .+$/s);
});
