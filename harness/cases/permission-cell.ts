/**
 * One cell of a permission matrix (reports draw one per suite that declares
 * cells): may this principal perform this action on this resource? A case
 * declares the cells it decides, like `table` for a table-driven family; the
 * run fills in what the target answered.
 */
export interface PermissionCell {
  /** The role and the flow that reached it, e.g. `editor (enhanced flow)`. */
  principal: string;
  /** The action, e.g. `s3:PutObject`. */
  action: string;
  /** The resource, short: `editor/*`, `private/<own identity>/*`. */
  resource: string;
  expected: 'allow' | 'deny';
  /** The path of the call in the case that decides it: the `path` given to `ctx.expect.succeeds` or `ctx.expect.error`. */
  step: string;
}

/**
 * What the target answered for a cell: `allow` (the call succeeded), `deny`
 * (AccessDenied), the name of any other error, `not reached` when the case
 * stopped before the call, `not run` when the case did not run.
 */
export type CellOutcome = string;

export interface PermissionCellResult {
  principal: string;
  action: string;
  resource: string;
  expected: 'allow' | 'deny';
  actual: CellOutcome;
}

const DENIALS = new Set(['AccessDenied', 'AccessDeniedException']);

/** How a call's answer reads in a cell: success is `allow`, an access denial `deny`, anything else its error name. */
export function outcomeOf(errorName: string | undefined): CellOutcome {
  if (errorName === undefined) return 'allow';
  return DENIALS.has(errorName) ? 'deny' : errorName;
}

/** A case's cells with what happened at each step (`outcomes`: path → outcome); a step never taken reads `fallback`. */
export function cellResults(cells: readonly PermissionCell[], outcomes: ReadonlyMap<string, CellOutcome>, fallback = 'not reached'): PermissionCellResult[] {
  return cells.map(({ step, ...cell }) => ({ ...cell, actual: outcomes.get(step) ?? fallback }));
}
