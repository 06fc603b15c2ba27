import type { ReportJson } from './report-json';
import { show } from './format';

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** junit.xml for CI systems: one testsuite per idchain suite, unsupported as skipped. */
export function toJUnit(report: ReportJson): string {
  const suites = new Map<string, ReportJson['cases']>();
  for (const c of report.cases) suites.set(c.suite, [...(suites.get(c.suite) ?? []), c]);
  const body = [...suites].map(([name, cases]) => {
    const count = (v: string) => cases.filter((c) => c.verdict === v).length;
    const tests = cases.map((c) => {
      const head = `    <testcase classname="${xml(`${report.target}.${name}`)}" name="${xml(`${c.id} — ${c.title}`)}" time="${(c.durationMs / 1000).toFixed(3)}"`;
      if (c.verdict === 'pass') return `${head}/>`;
      if (c.verdict === 'unsupported') return `${head}><skipped message="unsupported by ${xml(report.target)}"/></testcase>`;
      if (c.verdict === 'error') return `${head}><error message="${xml(c.error ?? 'harness error')}"/></testcase>`;
      const text = c.findings.map((f) => `${f.path} (${f.kind}): expected ${show(f.expected)}, actual ${show(f.actual)}`).join('\n');
      return `${head}><failure message="${xml(`${c.findings.length} finding(s)`)}">${xml(text)}</failure></testcase>`;
    });
    return (
      `  <testsuite name="${xml(`${report.target}.${name}`)}" tests="${cases.length}" failures="${count('fail')}" errors="${count('error')}" skipped="${count('unsupported')}">\n` +
      tests.join('\n') +
      '\n  </testsuite>'
    );
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="idchain ${xml(report.target)}">\n${body.join('\n')}\n</testsuites>\n`;
}
