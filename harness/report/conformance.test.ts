import { buildMatrix } from './conformance-model';
import { toConformanceMarkdown } from './conformance-markdown';
import { toConformanceHtml } from './conformance-html';
import type { ReportJson } from './report-json';

const report = (target: string, verdict: 'pass' | 'fail', findings: ReportJson['cases'][number]['findings'] = []): ReportJson =>
  ({
    target,
    provenance: { target, targetKind: 'emulator', targetVersion: '1.0', region: 'us-east-1', harnessVersion: '0', sdkVersions: {}, node: 'v20' },
    startedAt: '',
    durationMs: 1,
    summary: { total: 1, pass: verdict === 'pass' ? 1 : 0, fail: verdict === 'fail' ? 1 : 0, unsupported: 0, error: 0 },
    cases: [{ id: 'enhanced/a', suite: 'enhanced-flow', title: 'A <b>', verdict, durationMs: 1, citations: [], findings }],
    leftovers: [],
  }) as ReportJson;

const lifetime = { path: 'GetCredentialsForIdentity.Credentials.lifetimeSeconds', kind: 'contract' as const, expected: 'between 3480 and 3605', actual: 43200 };

describe('conformance matrix', () => {
  const matrix = buildMatrix('2026-11-22T00:00:00Z', 5, 'reference', [
    { name: 'reference', report: report('reference', 'pass') },
    { name: 'moto', report: report('moto', 'fail', [lifetime]) },
    { name: 'localstack', unavailableReason: 'no Docker engine' },
  ]);

  it('has one row per case and one cell per target, unavailable targets included', () => {
    expect(matrix.cases.map((c) => [c.id, c.results.reference.verdict, c.results.moto.verdict, c.results.localstack.verdict])).toEqual([
      ['enhanced/a', 'pass', 'fail', 'unavailable'],
    ]);
    expect(matrix.targets.map((t) => [t.name, t.available])).toEqual([
      ['reference', true],
      ['moto', true],
      ['localstack', false],
    ]);
  });

  it('markdown shows the matrix and one line per departure', () => {
    const md = toConformanceMarkdown(matrix);
    expect(md).toContain('| `enhanced/a` | ✅ | ❌ | · |');
    expect(md).toContain('## moto: where it departs');
    expect(md).toContain('- `enhanced/a` — GetCredentialsForIdentity.Credentials.lifetimeSeconds: expected between 3480 and 3605, got 43200');
    expect(md).toContain('| localstack | unavailable: no Docker engine |');
  });

  it('html escapes, colours each verdict and lets each cell expand', () => {
    const html = toConformanceHtml(matrix);
    expect(html).toContain('A &lt;b&gt;');
    expect(html).toContain('data-verdicts="pass fail unavailable"');
    expect(html).toContain('<details><summary><span class="v v-fail">fail</span></summary>');
    expect(html).toContain('id="f-suite"');
  });
});
