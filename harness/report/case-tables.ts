import type { ReportJson } from './report-json';

type ReportCase = ReportJson['cases'][number];

export interface CaseTable {
  family: string;
  columns: string[];
  rows: { id: string; verdict: string; cells: (string | number)[] }[];
}

/**
 * The table-driven case families of a report: the rows of each family, in
 * report order, with columns in the order the family's first row names them
 * (a column a later row adds goes at the end; a row without it shows "—").
 */
export function caseTables(cases: readonly ReportCase[]): CaseTable[] {
  const tables = new Map<string, { family: string; columns: string[]; cases: ReportCase[] }>();
  for (const c of cases) {
    const { table } = c;
    if (!table) continue;
    const t = tables.get(table.family) ?? { family: table.family, columns: [], cases: [] };
    for (const column of Object.keys(table.row)) if (!t.columns.includes(column)) t.columns.push(column);
    t.cases.push(c);
    tables.set(table.family, t);
  }
  return [...tables.values()].map((t) => ({
    family: t.family,
    columns: t.columns,
    rows: t.cases.map((c) => ({ id: c.id, verdict: c.verdict, cells: t.columns.map((col) => c.table!.row[col] ?? '—') })),
  }));
}
