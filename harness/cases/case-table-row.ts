/**
 * A case that is one row of a table-driven family (the STS duration bounds,
 * say): reports gather a family's rows into one table, columns in the order
 * the first row gives them, with each row's verdict beside it.
 */
export interface CaseTableRow {
  /** The table's title, shared by every row of the family. */
  family: string;
  row: Record<string, string | number>;
}
