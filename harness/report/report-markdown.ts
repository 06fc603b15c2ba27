import type { ReportJson } from './report-json';
import { seconds, show } from './format';
import { caseTables } from './case-tables';
import { caseMarks, citationNotes, regionNotes } from './citation-notes';
import type { Citation } from '../cases/citation';
import { matrixMarkdown, permissionMatrices } from './permission-matrix';
import { shardNote } from './shard-note';
import { weatherLines } from './weather-report';

const ICON: Record<string, string> = { pass: '✅ pass', fail: '❌ fail', unsupported: '➖ unsupported', error: '⚠️ error' };

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function link(ref: string, url?: string): string {
  return url ? `[${ref}](${url})` : ref;
}

/** Each conflict with both sides quoted and the reading asserted, then every inference, with the cases resting on them. */
function citationSections(cases: ReportJson['cases'], region: string): string[] {
  const { conflicts, inferred } = citationNotes(cases);
  const regional = regionNotes(region);
  const ids = (list: string[]) => list.map((id) => `\`${id}\``).join(', ');
  const lines: string[] = [];
  if (conflicts.length > 0) {
    lines.push('## Where AWS contradicts itself [conflict]', '');
    for (const { citation: x, cases: by } of conflicts) {
      lines.push(`### ${x.ref}`, '', ...x.sides.map((side) => `- ${link(side.ref, side.url)}: “${side.quote}”`), `- **Asserted:** ${x.asserts}`, `- Cases: ${ids(by)}`, '');
    }
  }
  if (inferred.length + regional.length > 0) {
    lines.push(
      '## What rests on inference [inferred]',
      '',
      ...inferred.map(({ citation: x, cases: by }) => `- ${link(x.ref, x.url)} — ${ids(by)}`),
      ...regional.map((what) => `- ${what} — every case with an identity-pool role`),
      '',
    );
  }
  return lines;
}

function sources(citations: readonly Citation[]): string {
  return citations.map((x) => `[${x.kind}] ${x.ref}`).join('; ');
}

/** report.md: a summary, one row per case, then each case's findings as a readable diff. */
export function toMarkdown(report: ReportJson): string {
  const s = report.summary;
  const lines = [
    `# idchain report — ${report.target}`,
    '',
    `Started ${report.startedAt}, took ${seconds(report.durationMs)}. Target version ${report.provenance.targetVersion ?? 'unknown'}, region ${report.provenance.region}, harness ${report.provenance.harnessVersion}.`,
    '',
    ...(shardNote(report) ? [shardNote(report)!, ''] : []),
    `**${s.total} cases: ${s.pass} pass, ${s.fail} fail, ${s.unsupported} unsupported, ${s.error} error.**`,
    '',
    ...weatherLines(report).flatMap((line) => [line, '']),
    ...(report.baseline ? [`Compared with the **${report.baseline.name}** goldens.`, ''] : ['Compared with the contract only (no baseline goldens).', '']),
    '| case | verdict | time | title |',
    '|---|---|---|---|',
    ...report.cases.map((c) => `| \`${c.id}\`${caseMarks(c).map((k) => ` [${k}]`).join('')} | ${ICON[c.verdict]} | ${seconds(c.durationMs)} | ${cell(c.title)} |`),
    '',
  ];
  for (const t of caseTables(report.cases)) {
    lines.push(
      `## ${t.family}`,
      '',
      `| ${t.columns.map(cell).join(' | ')} | verdict | case |`,
      `|${t.columns.map(() => '---').join('|')}|---|---|`,
      ...t.rows.map((r) => `| ${r.cells.map((x) => cell(String(x))).join(' | ')} | ${ICON[r.verdict]} | \`${r.id}\` |`),
      '',
    );
  }
  lines.push(...matrixMarkdown(permissionMatrices(report.cases)));
  lines.push(...citationSections(report.cases, report.provenance.region));
  const open = (c: ReportJson['cases'][number]) => c.findings.filter((f) => f.kind !== 'deviation');
  const troubled = report.cases.filter((c) => open(c).length > 0 || c.error);
  if (troubled.length > 0) {
    lines.push('## Findings', '');
    for (const c of troubled) {
      lines.push(`### \`${c.id}\` — ${c.verdict}`, '', c.title, '');
      if (c.error) lines.push(`Harness error: ${c.error}`, '');
      for (const f of open(c)) {
        lines.push(`- **${f.path}** (${f.kind})${'source' in f && f.source ? ` — ${f.source}` : ''}`, '  ```diff', `  - expected: ${show(f.expected)}`, `  + actual:   ${show(f.actual)}`, '  ```');
      }
      lines.push('', 'Sources: ' + sources(c.citations), '');
    }
  }
  const accepted = report.cases.flatMap((c) => c.findings.filter((f) => f.kind === 'deviation').map((f) => ({ id: c.id, f })));
  if (accepted.length > 0) {
    lines.push(
      '## Known deviations (accepted, not failures)',
      '',
      ...accepted.map(({ id, f }) => `- \`${id}\` **${f.path}**: expected ${show(f.expected)}, actual ${show(f.actual)} — ${'source' in f ? String(f.source).replace(/^accepted deviation: /, '') : ''}`),
      '',
    );
  }
  if (report.baseline && report.baseline.stale.length > 0) {
    lines.push(
      `## Stale goldens (last validated more than ${report.baseline.maxAgeDays} days ago)`,
      '',
      ...report.baseline.stale.map((g) => `- \`${g.id}\` — last validated ${g.lastValidatedAt}`),
      '',
      `Refresh them with \`idchain record --target ${report.baseline.name}\`.`,
      '',
    );
  }
  if (report.leftovers.length > 0) {
    lines.push('## Resources left behind', '', ...report.leftovers.map((l) => `- ${l.kind} \`${l.name}\`: ${l.message}`), '', 'Run `idchain sweep` to retry.', '');
  }
  return lines.join('\n');
}
