import type { ReportJson } from './report-json';
import { escapeHtml as h } from './format';

type ReportCase = ReportJson['cases'][number];

/** One case's answer in a cell: what the contract expects, what the target did. */
export interface MatrixEntry {
  id: string;
  expected: string;
  actual: string;
}

/**
 * A suite's permission matrix: rows are principals (role and flow), columns
 * actions on resources, each cell the cases that decide it. Rows and columns
 * keep the order the cases first name them.
 */
export interface PermissionMatrix {
  suite: string;
  principals: string[];
  columns: string[];
  cells: MatrixEntry[][][];
}

const column = (c: { action: string; resource: string }) => `${c.action} on ${c.resource}`;

/** The permission matrices of a report: one per suite whose cases declare cells, in report order. */
export function permissionMatrices(cases: readonly ReportCase[]): PermissionMatrix[] {
  const bySuite = new Map<string, { principals: string[]; columns: string[]; entries: { principal: string; column: string; entry: MatrixEntry }[] }>();
  for (const c of cases) {
    for (const cell of c.matrix ?? []) {
      const m = bySuite.get(c.suite) ?? { principals: [], columns: [], entries: [] };
      if (!m.principals.includes(cell.principal)) m.principals.push(cell.principal);
      if (!m.columns.includes(column(cell))) m.columns.push(column(cell));
      m.entries.push({ principal: cell.principal, column: column(cell), entry: { id: c.id, expected: cell.expected, actual: cell.actual } });
      bySuite.set(c.suite, m);
    }
  }
  return [...bySuite].map(([suite, m]) => ({
    suite,
    principals: m.principals,
    columns: m.columns,
    cells: m.principals.map((p) => m.columns.map((col) => m.entries.filter((e) => e.principal === p && e.column === col).map((e) => e.entry))),
  }));
}

/** ✅ the target did what the contract says, ❌ it did not, ➖ the case never made the call. */
function mark(e: MatrixEntry): string {
  if (e.actual === 'not run' || e.actual === 'not reached') return '➖';
  return e.actual === e.expected ? '✅' : '❌';
}

const entryText = (e: MatrixEntry) => `${e.expected} / ${e.actual} ${mark(e)}`;
const mdCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export const MATRIX_LEGEND = 'Each cell: expected / actual (✅ as the contract says, ❌ not, ➖ the call was not made); rows are principals (role and flow), columns actions on resources.';

/** report.md: a section per matrix. */
export function matrixMarkdown(matrices: readonly PermissionMatrix[]): string[] {
  return matrices.flatMap((m) => [
    `## Permission matrix — ${m.suite}`,
    '',
    MATRIX_LEGEND,
    '',
    `| principal | ${m.columns.map(mdCell).join(' | ')} |`,
    `|---|${m.columns.map(() => '---').join('|')}|`,
    ...m.principals.map((p, i) => `| ${mdCell(p)} | ${m.cells[i]!.map((entries) => (entries.length === 0 ? '' : entries.map(entryText).join('<br>'))).join(' | ')} |`),
    '',
  ]);
}

export const MATRIX_STYLE = `
  .matrix td.cell-ok { background: #dafbe1; } .matrix td.cell-bad { background: #ffebe9; } .matrix td.cell-none { background: #eaeef2; }
  .matrix td, .matrix th { text-align: center; } .matrix td:first-child { text-align: left; }
`;

function htmlCell(entries: readonly MatrixEntry[]): string {
  if (entries.length === 0) return '<td></td>';
  const marks = entries.map(mark);
  const cls = marks.includes('❌') ? 'cell-bad' : marks.every((x) => x === '➖') ? 'cell-none' : 'cell-ok';
  return `<td class="${cls}">${entries.map((e) => `<span title="${h(e.id)}">${h(entryText(e))}</span>`).join('<br>')}</td>`;
}

/** report.html: a table per matrix, each entry's case id on hover. */
export function matrixHtml(matrices: readonly PermissionMatrix[]): string {
  return matrices
    .map(
      (m) =>
        `<h2>Permission matrix — ${h(m.suite)}</h2>\n<p class="meta">${h(MATRIX_LEGEND)}</p>\n<table class="matrix"><thead><tr><th>principal</th>${m.columns.map((c) => `<th>${h(c)}</th>`).join('')}</tr></thead><tbody>` +
        m.principals.map((p, i) => `<tr><td>${h(p)}</td>${m.cells[i]!.map(htmlCell).join('')}</tr>`).join('') +
        `</tbody></table>`,
    )
    .join('\n');
}
