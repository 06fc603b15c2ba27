import type { Reclaimed } from '../provisioning/reclaim';
import type { LedgerOutcome, Place, SweepResult } from '../provisioning/sweep';

const STATUS_WIDTH = 'could not read'.length + 2;

function where(p: Place & { account?: string }): string {
  const at = p.endpoint ? `${p.target} at ${p.endpoint} (${p.region})` : `${p.target} in ${p.region}`;
  return p.account ? `${at}, account ${p.account}` : at;
}

/** One line per resource: `  deleted         user-pool  idchain-…  us-east-1_abc`, then why when it is not gone. */
export function resourceLine(r: Reclaimed): string {
  const ids = r.ids.filter((id) => id !== r.name);
  const line = `  ${r.status.padEnd(STATUS_WIDTH)}${r.kind.padEnd(15)}${r.name}${ids.length ? `  ${ids.join(', ')}` : ''}`;
  return r.detail && r.status !== 'deleted' ? `${line}  — ${r.detail}` : line;
}

const VERDICT: Record<LedgerOutcome['state'], string> = {
  removed: 'ledger removed: every resource is confirmed gone',
  'gone with its emulator': 'ledger removed: its resources ended with the emulator that held them',
  kept: 'ledger kept: not every resource is confirmed gone; run sweep again once the cause is fixed',
  unreachable: 'ledger kept',
  'in use': 'ledger kept',
  'dry run': 'dry run: nothing deleted, ledger left as it is',
};

function ledgerBlock(l: LedgerOutcome): string[] {
  const head = `ledger ${l.runId} (${l.file})${l.place ? ` — ${where(l.place)}` : ''}`;
  const lines = [head, ...l.resources.map(resourceLine)];
  lines.push(`  ${VERDICT[l.state]}${l.reason && l.state !== 'gone with its emulator' ? `: ${l.reason}` : ''}`);
  return lines;
}

/**
 * What sweep prints: per ledger and for the prefix scan, one line per
 * resource with what the target said (deleted / already gone / still present
 * / could not read), what became of the ledger, and a last line of totals.
 */
export function sweepReport(r: SweepResult, ctx: { olderThan: string; dryRun: boolean; noScan?: string; ledgerDir: string }): string {
  const lines: string[] = [];
  for (const l of r.ledgers) lines.push(...ledgerBlock(l));
  if (r.ledgers.length === 0) lines.push(`no ledger to sweep in ${ctx.ledgerDir}`);
  if (r.scan) {
    lines.push(`by prefix — ${where(r.scan.place)}: idchain- resources no ledger names, older than ${ctx.olderThan}`);
    if (r.scan.state === 'unreachable') lines.push(`  not scanned: ${r.scan.reason}`);
    else if (r.scan.resources.length === 0) lines.push('  nothing found');
    else lines.push(...r.scan.resources.map(resourceLine));
  } else if (ctx.noScan) {
    lines.push(`not scanned by prefix: ${ctx.noScan}`);
  }
  const all = [...r.ledgers.flatMap((l) => l.resources), ...(r.scan?.resources ?? [])];
  const count = (s: Reclaimed['status']) => all.filter((x) => x.status === s).length;
  const counts = ctx.dryRun
    ? `dry run: ${count('would delete')} would be deleted, ${count('already gone')} already gone, ${count('could not read')} could not read`
    : `swept: ${count('deleted')} deleted, ${count('already gone')} already gone, ${count('still present')} still present, ${count('could not read')} could not read`;
  const removed = r.ledgers.filter((l) => l.state === 'removed' || l.state === 'gone with its emulator').length;
  const kept = r.ledgers.filter((l) => l.state === 'kept' || l.state === 'unreachable' || l.state === 'in use').length;
  lines.push(`${counts}; ledgers: ${removed} removed, ${kept} kept`);
  return lines.join('\n');
}

/**
 * Sweep's exit code (DESIGN.md § CLI contract): 3 when a ledger's target (or
 * the one to scan) could not be reached, its ledger kept; else 1 when anything
 * remains — still present, could not be read, or a ledger whose run still
 * goes on; else 0. A dry run is 0 unless a target could not be reached.
 */
export function sweepExitCode(r: SweepResult): 0 | 1 | 3 {
  if (r.ledgers.some((l) => l.state === 'unreachable') || r.scan?.state === 'unreachable') return 3;
  const all = [...r.ledgers.flatMap((l) => l.resources), ...(r.scan?.resources ?? [])];
  if (all.some((x) => x.status === 'still present' || x.status === 'could not read')) return 1;
  if (r.ledgers.some((l) => l.state === 'kept' || l.state === 'in use')) return 1;
  return 0;
}
