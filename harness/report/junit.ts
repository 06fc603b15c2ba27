import type { ReportJson } from './report-json';
import { show } from './format';

type ReportCase = ReportJson['cases'][number];
type ReportFinding = ReportCase['findings'][number];

// Characters XML 1.0 cannot carry at all, even escaped; a finding may hold any text.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function text(value: string): string {
  return value.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value: also quotes, and line breaks kept as references (a parser would fold them to spaces). */
function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

const secs = (ms: number) => (ms / 1000).toFixed(3);

/** `2026-11-22T08:00:00`: the form Ant and Jenkins read, in UTC, without fractions or zone. */
const timestamp = (iso: string) => iso.slice(0, 19);

function findingLine(f: ReportFinding): string {
  return `${f.path} (${f.kind}): expected ${show(f.expected)}, actual ${show(f.actual)}${f.source ? ` [${f.source}]` : ''}`;
}

function testcase(report: ReportJson, c: ReportCase): string {
  const head = `    <testcase classname="${attr(`${report.target}.${c.suite}`)}" name="${attr(`${c.id} — ${c.title}`)}" time="${secs(c.durationMs)}"`;
  const open = c.findings.filter((f) => f.kind !== 'deviation');
  if (c.verdict === 'pass') return `${head}/>`;
  if (c.verdict === 'unsupported') {
    // The schema's <skipped> takes text only: the evidence that the target does not emulate it.
    const evidence = open.map((f) => `${f.path}: ${show(f.actual)}`).join('\n') || `unsupported by ${report.target}`;
    return `${head}>\n      <skipped>${text(evidence)}</skipped>\n    </testcase>`;
  }
  if (c.verdict === 'error') {
    const error = c.error ?? 'harness error';
    return `${head}>\n      <error message="${attr(error.split('\n')[0])}" type="harness-error">${text(error)}</error>\n    </testcase>`;
  }
  // A failure's message is its first finding, what a CI page shows in one line; the text holds them all.
  const first = open[0];
  const message = first ? `${first.path}: expected ${show(first.expected)}, actual ${show(first.actual)}` : 'failed';
  const body = [...open.map(findingLine), ...(open.length < c.findings.length ? ['', 'accepted deviations:', ...c.findings.filter((f) => f.kind === 'deviation').map(findingLine)] : [])];
  return `${head}>\n      <failure message="${attr(message)}" type="${attr(first?.kind ?? 'contract')}">${text(body.join('\n'))}</failure>\n    </testcase>`;
}

/**
 * junit.xml as CI systems read it (the Jenkins/Ant JUnit schema, checked in a
 * test): one testsuite per idchain suite with its counts, time (the sum of its
 * cases' times: suites run interleaved) and timestamp (the run's start);
 * totals on the root with the run's wall time; unsupported cases as skipped
 * with their evidence. The schema has no `skipped` on the root: the per-suite
 * counts carry it.
 */
export function toJUnit(report: ReportJson): string {
  const suites = new Map<string, ReportCase[]>();
  for (const c of report.cases) suites.set(c.suite, [...(suites.get(c.suite) ?? []), c]);
  const body = [...suites].map(([name, cases]) => {
    const count = (v: string) => cases.filter((c) => c.verdict === v).length;
    const time = cases.reduce((sum, c) => sum + c.durationMs, 0);
    return (
      `  <testsuite name="${attr(`${report.target}.${name}`)}" tests="${cases.length}" failures="${count('fail')}" errors="${count('error')}" skipped="${count('unsupported')}" time="${secs(time)}" timestamp="${timestamp(report.startedAt)}">\n` +
      cases.map((c) => testcase(report, c)).join('\n') +
      '\n  </testsuite>'
    );
  });
  const s = report.summary;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="idchain ${attr(report.target)}" tests="${s.total}" failures="${s.fail}" errors="${s.error}" time="${secs(report.durationMs)}">\n` +
    `${body.join('\n')}\n</testsuites>\n`
  );
}
