import { Expectations } from '../cases/expectations';
import { cellResults, type PermissionCell } from '../cases/permission-cell';
import type { CaseResult, RunResult } from '../runner/result';
import { permissionMatrices } from './permission-matrix';
import { toHtml } from './report-html';
import { toReportJson } from './report-json';
import { toMarkdown } from './report-markdown';

// A service refusal as the SDK throws it: `$fault` and an HTTP status mark it as the service's answer.
const refusal = (name: string) => Object.assign(new Error(`${name} message`), { name, $fault: 'client', $metadata: { httpStatusCode: 403 } });

const base = { durationMs: 1, citations: [{ kind: 'doc' as const, ref: 'IAM-UG' }], findings: [], steps: [], fixtureNames: [] };
function matrixCase(id: string, verdict: CaseResult['verdict'], matrix: CaseResult['matrix'], suite = 'resource-access'): CaseResult {
  return { ...base, id, suite, title: id, verdict, matrix };
}

const run: RunResult = {
  target: 'moto',
  provenance: { target: 'moto', targetKind: 'emulator', region: 'us-east-1', harnessVersion: '0.1.0', sdkVersions: {}, node: 'v20' },
  startedAt: '2026-11-22T00:00:00.000Z',
  durationMs: 10,
  cases: [
    matrixCase('access/editor-writes', 'pass', [{ principal: 'editor (enhanced flow)', action: 's3:PutObject', resource: 'editor/*', expected: 'allow', actual: 'allow' }]),
    matrixCase('access/editor-cannot-delete', 'fail', [
      { principal: 'editor (enhanced flow)', action: 's3:DeleteObject', resource: 'shared/*', expected: 'deny', actual: 'allow' },
      { principal: 'admin (enhanced flow)', action: 's3:DeleteObject', resource: 'shared/*', expected: 'allow', actual: 'allow' },
    ]),
    matrixCase('access/guest-reads', 'unsupported', [{ principal: 'guest <basic flow>', action: 's3:GetObject', resource: 'public/*', expected: 'allow', actual: 'not run' }]),
    { ...base, id: 'pool/plain', suite: 'user-pools', title: 'no cells', verdict: 'pass' },
  ],
  leftovers: [],
};

describe('a case’s cells take what its steps answered', () => {
  const cells: PermissionCell[] = [
    { principal: 'p', action: 's3:GetObject', resource: 'a/*', expected: 'allow', step: 'GetObject(a)' },
    { principal: 'p', action: 's3:PutObject', resource: 'a/*', expected: 'deny', step: 'PutObject(a)' },
    { principal: 'p', action: 's3:GetObject', resource: 'b/*', expected: 'deny', step: 'GetObject(b)' },
    { principal: 'p', action: 's3:DeleteObject', resource: 'a/*', expected: 'deny', step: 'never made' },
  ];

  it('success is allow, AccessDenied is deny, another error is its name, a call never made is "not reached"', async () => {
    const expect_ = new Expectations();
    await expect_.succeeds('GetObject(a)', Promise.resolve({}));
    await expect_.error('PutObject(a)', Promise.reject(refusal('AccessDenied')), { name: 'AccessDenied' });
    await expect_.error('GetObject(b)', Promise.reject(refusal('NoSuchKey')), { name: 'AccessDenied' });
    expect(cellResults(cells, expect_.outcomes).map((c) => c.actual)).toEqual(['allow', 'deny', 'NoSuchKey', 'not reached']);
    expect(cellResults(cells, new Map(), 'not run').every((c) => c.actual === 'not run' && !('step' in c))).toBe(true);
  });
});

describe('the permission matrix', () => {
  const report = toReportJson(run);

  it('report.json carries each case’s cells beside it, and no matrix key on a case without cells', () => {
    expect(report.cases[1].matrix).toEqual(run.cases[1].matrix);
    expect(Object.keys(report.cases[3])).toEqual(['id', 'suite', 'title', 'verdict', 'durationMs', 'citations', 'findings']);
  });

  it('has principals as rows and actions on resources as columns, in the order the cases name them, per suite', () => {
    const [m, ...others] = permissionMatrices(report.cases);
    expect(others).toEqual([]);
    expect(m.suite).toBe('resource-access');
    expect(m.principals).toEqual(['editor (enhanced flow)', 'admin (enhanced flow)', 'guest <basic flow>']);
    expect(m.columns).toEqual(['s3:PutObject on editor/*', 's3:DeleteObject on shared/*', 's3:GetObject on public/*']);
    expect(m.cells[0]).toEqual([[{ id: 'access/editor-writes', expected: 'allow', actual: 'allow' }], [{ id: 'access/editor-cannot-delete', expected: 'deny', actual: 'allow' }], []]);
    expect(m.cells[2][2]).toEqual([{ id: 'access/guest-reads', expected: 'allow', actual: 'not run' }]);
  });

  it('report.md draws it as a table of expected / actual with a mark', () => {
    const md = toMarkdown(report);
    expect(md).toContain('## Permission matrix — resource-access');
    expect(md).toContain('| principal | s3:PutObject on editor/* | s3:DeleteObject on shared/* | s3:GetObject on public/* |');
    expect(md).toContain('| editor (enhanced flow) | allow / allow ✅ | deny / allow ❌ |  |');
    expect(md).toContain('| admin (enhanced flow) |  | allow / allow ✅ |  |');
    expect(md).toContain('| guest <basic flow> |  |  | allow / not run ➖ |');
  });

  it('report.html draws the same table, escaped, with each cell coloured and its case on hover', () => {
    const html = toHtml(report);
    expect(html).toContain('<h2>Permission matrix — resource-access</h2>');
    expect(html).toContain('<th>s3:DeleteObject on shared/*</th>');
    expect(html).toContain('<td class="cell-bad"><span title="access/editor-cannot-delete">deny / allow ❌</span></td>');
    expect(html).toContain('<td class="cell-ok"><span title="access/editor-writes">allow / allow ✅</span></td>');
    expect(html).toContain('<tr><td>guest &lt;basic flow&gt;</td><td></td><td></td><td class="cell-none">');
    expect(html).not.toContain('guest <basic flow>');
  });

  it('a report without cells has no matrix section', () => {
    const plain = toReportJson({ ...run, cases: [run.cases[3]] });
    expect(toMarkdown(plain)).not.toContain('Permission matrix');
    expect(toHtml(plain)).not.toContain('Permission matrix');
  });
});
