import { trafficNow } from './traffic';

/**
 * One piece of a run's work: making a fixture resource, waiting for IAM to
 * settle, a fixture's check, a case, a teardown. `after` names the work that
 * had to finish before it could start (what a resource names, a case's
 * fixture and the propagation wait): the edges of the run's critical path.
 */
export interface WorkItem {
  id: string;
  kind: 'resource' | 'settle' | 'check' | 'case' | 'teardown';
  /** The suite it belongs to. */
  suite?: string;
  after: string[];
  start: number;
  end: number;
  /** For `settle`: how long it waited on purpose (the propagation bound), which no call accounts for. */
  waitedMs?: number;
}

/**
 * The run's work as it happened, on the same clock as its calls
 * (clients/traffic.ts): what report/critical-path.ts reads the run's lower
 * bound from.
 */
export class Timeline {
  readonly items = new Map<string, WorkItem>();

  /** Start an item now; the returned function ends it. */
  begin(id: string, kind: WorkItem['kind'], after: readonly string[], suite?: string): (extra?: Partial<Pick<WorkItem, 'waitedMs'>>) => void {
    const item: WorkItem = { id, kind, suite, after: [...after], start: trafficNow(), end: Number.NaN };
    this.items.set(id, item);
    return (extra = {}) => {
      item.end = trafficNow();
      Object.assign(item, extra);
    };
  }
}
