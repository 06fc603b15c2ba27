import type { ReportJson } from './report-json';
import { escapeHtml as h, seconds, show } from './format';
import { caseTables } from './case-tables';
import { caseMarks, citationNotes, regionNotes } from './citation-notes';
import type { Citation } from '../cases/citation';
import { MATRIX_STYLE, matrixHtml, permissionMatrices } from './permission-matrix';
import { shardNote } from './shard-note';
import { weatherLines } from './weather-report';

export const VERDICT_STYLE = `
  body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem; color: #1b1f24; }
  h1 { font-size: 1.4rem; margin-bottom: .25rem; }
  .meta { color: #57606a; margin-bottom: 1rem; }
  .filters { margin: 1rem 0; display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #d0d7de; vertical-align: top; }
  th { background: #f6f8fa; }
  code { font: 12px ui-monospace, monospace; }
  .v { font-weight: 600; border-radius: 4px; padding: .05rem .45rem; white-space: nowrap; }
  .v-pass { background: #dafbe1; color: #116329; }
  .v-fail { background: #ffebe9; color: #a40e26; }
  .v-unsupported { background: #eaeef2; color: #57606a; }
  .v-error { background: #fff8c5; color: #7d4e00; }
  details summary { cursor: pointer; }
  .finding { margin: .3rem 0 .3rem 1rem; overflow-wrap: anywhere; }
  .finding code { word-break: break-all; }
  td { max-width: 34rem; }
  .exp { color: #0550ae; } .act { color: #a40e26; }
  .hidden { display: none; }
  .k { font-weight: 600; border-radius: 4px; padding: 0 .35rem; font-size: 12px; }
  .k-conflict { background: #fbefff; color: #6639ba; } .k-inferred { background: #fff1e5; color: #953800; }
  blockquote { margin: .25rem 0 .25rem .5rem; padding-left: .5rem; border-left: 3px solid #d0d7de; }
`;

export const FILTER_SCRIPT = `
  function applyFilters() {
    const suite = document.getElementById('f-suite').value;
    const verdict = document.getElementById('f-verdict').value;
    for (const row of document.querySelectorAll('tr[data-suite]')) {
      const show = (!suite || row.dataset.suite === suite) && (!verdict || row.dataset.verdicts.split(' ').includes(verdict));
      row.classList.toggle('hidden', !show);
    }
  }
  document.getElementById('f-suite').addEventListener('change', applyFilters);
  document.getElementById('f-verdict').addEventListener('change', applyFilters);
`;

export function findingsHtml(c: ReportJson['cases'][number]): string {
  if (c.findings.length === 0 && !c.error) return '';
  const items = c.findings
    .map(
      (f) =>
        `<div class="finding"><code>${h(f.path)}</code> <em>${h(f.kind)}</em><br>expected <code class="exp">${h(show(f.expected))}</code><br>actual <code class="act">${h(show(f.actual))}</code></div>`,
    )
    .join('');
  const err = c.error ? `<div class="finding">harness error: ${h(c.error)}</div>` : '';
  return `<details><summary>${c.findings.length} finding(s)</summary>${err}${items}</details>`;
}

export function filterControls(suites: string[]): string {
  return `<div class="filters">
  <label>Suite <select id="f-suite"><option value="">all</option>${suites.map((s) => `<option>${h(s)}</option>`).join('')}</select></label>
  <label>Verdict <select id="f-verdict"><option value="">all</option><option>pass</option><option>fail</option><option>unsupported</option><option>error</option></select></label>
</div>`;
}

function linked(ref: string, url?: string): string {
  return url ? `<a href="${h(url)}">${h(ref)}</a>` : h(ref);
}

/** A conflict in full: both sides, each quoted, and the reading the case asserts. */
function conflictHtml(x: Extract<Citation, { kind: 'conflict' }>): string {
  const sides = x.sides.map((side) => `<blockquote>“${h(side.quote)}”<br>— ${linked(side.ref, side.url)}</blockquote>`).join('');
  return `<span class="k k-conflict">[conflict]</span> ${linked(x.ref, x.url)}${sides}<strong>Asserted:</strong> ${h(x.asserts)}`;
}

/** The sources column: each citation with its kind; conflicts in full. */
export function citationsHtml(citations: readonly Citation[]): string {
  return citations
    .map((x) => (x.kind === 'conflict' ? conflictHtml(x) : x.kind === 'inferred' ? `<span class="k k-inferred">[inferred]</span> ${linked(x.ref, x.url)}` : linked(`[${x.kind}] ${x.ref}`, x.url)))
    .join('<br>');
}

/** After the cases: every conflict and every inference once, with the cases that rest on it. */
function citationSectionsHtml(cases: ReportJson['cases'], region: string): string {
  const { conflicts, inferred } = citationNotes(cases);
  const regional = regionNotes(region).map((what) => `<li><span class="k k-inferred">[inferred]</span> ${h(what)} — every case with an identity-pool role</li>`);
  const ids = (list: string[]) => list.map((id) => `<code>${h(id)}</code>`).join(', ');
  const parts: string[] = [];
  if (conflicts.length > 0) {
    parts.push(`<h2>Where AWS contradicts itself</h2>\n<ul>${conflicts.map(({ citation, cases: by }) => `<li>${conflictHtml(citation)}<br>Cases: ${ids(by)}</li>`).join('')}</ul>`);
  }
  if (inferred.length + regional.length > 0) {
    const items = inferred.map(({ citation, cases: by }) => `<li><span class="k k-inferred">[inferred]</span> ${linked(citation.ref, citation.url)} — ${ids(by)}</li>`);
    parts.push(`<h2>What rests on inference</h2>\n<ul>${[...items, ...regional].join('')}</ul>`);
  }
  return parts.join('\n');
}

/** report.html: one self-contained page, readable from disk without a server. */
export function toHtml(report: ReportJson): string {
  const s = report.summary;
  const suites = [...new Set(report.cases.map((c) => c.suite))];
  const rows = report.cases
    .map(
      (c) =>
        `<tr data-suite="${h(c.suite)}" data-verdicts="${c.verdict}"><td><code>${h(c.id)}</code>${caseMarks(c).map((k) => ` <span class="k k-${k}">[${k}]</span>`).join('')}<br>${h(c.title)}${findingsHtml(c)}</td><td><span class="v v-${c.verdict}">${c.verdict}</span></td><td>${seconds(c.durationMs)}</td><td>${citationsHtml(c.citations)}</td></tr>`,
    )
    .join('\n');
  const tables = caseTables(report.cases)
    .map(
      (t) =>
        `<h2>${h(t.family)}</h2>\n<table class="family"><thead><tr>${t.columns.map((c) => `<th>${h(c)}</th>`).join('')}<th>verdict</th><th>case</th></tr></thead><tbody>` +
        t.rows.map((r) => `<tr>${r.cells.map((x) => `<td>${h(String(x))}</td>`).join('')}<td><span class="v v-${r.verdict}">${r.verdict}</span></td><td><code>${h(r.id)}</code></td></tr>`).join('') +
        `</tbody></table>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>idchain — ${h(report.target)}</title><style>${VERDICT_STYLE}${MATRIX_STYLE}</style></head>
<body>
<h1>idchain report — ${h(report.target)}</h1>
<div class="meta">Started ${h(report.startedAt)}, took ${seconds(report.durationMs)} · target version ${h(report.provenance.targetVersion ?? 'unknown')} · region ${h(report.provenance.region)} · harness ${h(report.provenance.harnessVersion)}</div>${shardNote(report) ? `\n<div class="meta">${h(shardNote(report)!)}</div>` : ''}
${weatherLines(report)
  .map((line) => `<p class="weather">${h(line).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')}</p>`)
  .join('\n')}
<p><strong>${s.total} cases:</strong> <span class="v v-pass">${s.pass} pass</span> <span class="v v-fail">${s.fail} fail</span> <span class="v v-unsupported">${s.unsupported} unsupported</span> <span class="v v-error">${s.error} error</span></p>
${filterControls(suites)}
<table><thead><tr><th>case</th><th>verdict</th><th>time</th><th>sources</th></tr></thead><tbody>
${rows}
</tbody></table>
${tables}
${matrixHtml(permissionMatrices(report.cases))}
${citationSectionsHtml(report.cases, report.provenance.region)}
<script>${FILTER_SCRIPT}</script>
</body></html>
`;
}
