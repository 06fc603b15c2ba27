import type { ConformanceReport } from './conformance-model';
import { escapeHtml as h, show } from './format';
import { FILTER_SCRIPT, VERDICT_STYLE, filterControls } from './report-html';

function cell(c: ConformanceReport['cases'][number]['results'][string]): string {
  const details = [
    ...(c.error ? [`<div class="finding">${h(c.error)}</div>`] : []),
    ...c.findings.map(
      (f) =>
        `<div class="finding"><code>${h(f.path)}</code> <em>${h(f.kind)}</em><br>expected <code class="exp">${h(show(f.expected))}</code><br>actual <code class="act">${h(show(f.actual))}</code></div>`,
    ),
  ];
  const badge = `<span class="v v-${c.verdict === 'unavailable' ? 'unsupported' : c.verdict}">${c.verdict}</span>`;
  return details.length ? `<details><summary>${badge}</summary>${details.join('')}</details>` : badge;
}

/** conformance.html: the matrix on one self-contained page, filterable by suite and verdict, each cell expandable. */
export function toConformanceHtml(report: ConformanceReport): string {
  const names = report.targets.map((t) => t.name);
  const suites = [...new Set(report.cases.map((c) => c.suite))];
  const summary = report.targets
    .map((t) =>
      t.summary
        ? `<tr><td>${h(t.name)}</td><td>${h(t.provenance?.targetVersion ?? '')}</td><td>${t.summary.pass}</td><td>${t.summary.fail}</td><td>${t.summary.unsupported}</td><td>${t.summary.error}</td></tr>`
        : `<tr><td>${h(t.name)}</td><td colspan="5">unavailable: ${h(t.unavailableReason ?? '')}</td></tr>`,
    )
    .join('');
  const rows = report.cases
    .map((c) => {
      const verdicts = [...new Set(names.map((n) => c.results[n].verdict))].join(' ');
      return `<tr data-suite="${h(c.suite)}" data-verdicts="${verdicts}"><td><code>${h(c.id)}</code><br><small>${h(c.title)}</small></td>${names.map((n) => `<td>${cell(c.results[n])}</td>`).join('')}</tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>idchain conformance</title><style>${VERDICT_STYLE}</style></head>
<body>
<h1>idchain conformance</h1>
<div class="meta">Started ${h(report.startedAt)} · baseline ${h(report.baseline ?? 'contract only')}</div>
<table><thead><tr><th>target</th><th>version</th><th>pass</th><th>fail</th><th>unsupported</th><th>error</th></tr></thead><tbody>${summary}</tbody></table>
${filterControls(suites)}
<table><thead><tr><th>case</th>${names.map((n) => `<th>${h(n)}</th>`).join('')}</tr></thead><tbody>
${rows}
</tbody></table>
<script>${FILTER_SCRIPT}</script>
</body></html>
`;
}
