import type { LimitFunction } from 'p-limit';
import { unsupportedFinding } from '../cases/finding';
import { cellResults } from '../cases/permission-cell';
import { classifyNotImplemented } from '../clients/not-implemented';
import type { Timeline } from '../clients/timeline';
import { withActivity, type CallLog } from '../clients/traffic';
import type { ResourceOutcome } from '../provisioning/provision';
import type { Session } from '../provisioning/session';
import { teardownOrder } from '../provisioning/teardown';
import { runCase } from './run-case';
import type { CaseResult, RunResult } from './result';
import type { RunOptions } from './run-options';
import { settleIam } from './settle';
import type { CaseDefinition, SuiteDefinition } from './suite';

function notRun(suite: SuiteDefinition, c: CaseDefinition, verdict: 'unsupported' | 'error', why: string, evidence?: { path: string; actual: string }): CaseResult {
  return {
    id: c.id,
    suite: suite.name,
    title: c.title,
    verdict,
    durationMs: 0,
    citations: c.citations,
    ...(c.table ? { table: c.table } : {}),
    ...(c.matrix ? { matrix: cellResults(c.matrix, new Map(), 'not run') } : {}),
    findings: verdict === 'unsupported' && evidence ? [{ ...unsupportedFinding(evidence.path, evidence.actual) }] : [],
    steps: [],
    fixtureNames: [],
    error: verdict === 'error' ? why : undefined,
  };
}

/** Why a case may not start now: an interruption, or the caller's reason to start no more (`--bail`). */
function heldBack(options: RunOptions): string | undefined {
  if (options.signal?.aborted) return 'interrupted before it ran';
  if (options.stopNewCases?.aborted) return String(options.stopNewCases.reason);
  return undefined;
}

export interface Batch {
  options: RunOptions;
  session: Session;
  timeline: Timeline;
  log?: CallLog;
  /** How long an IAM change may take to propagate: cases wait that long after their suite's last one. */
  propagationBoundMs?: number;
  /** Cases of every suite share it: as many run at once as it lets. */
  caseLimit: LimitFunction;
  record(result: CaseResult): void;
  has(id: string): boolean;
  /** Resources confirmed gone so far, by the suites' own teardowns. */
  deleted: number;
}

/**
 * One suite, start to end, alongside the others: provision its fixture (a
 * graph of its own, the clients keeping each service's rate), hold its cases
 * until IAM has settled (runner/settle.ts), run them, then delete its
 * fixture at once — so a suite whose fixture is ready never waits for
 * another's, and its teardown overlaps the others' cases.
 */
async function runSuite(suite: SuiteDefinition, b: Batch): Promise<void> {
  const { options, session, timeline } = b;
  const { target, log } = options;
  const held = heldBack(options);
  if (held) {
    for (const c of suite.cases) b.record(notRun(suite, c, 'error', held));
    return;
  }
  for (const c of suite.cases) {
    const needs = [...suite.services, ...(c.services ?? [])].filter((s) => !target.services.includes(s));
    if (needs.length > 0) b.record(notRun(suite, c, 'unsupported', '', { path: 'target.services', actual: `${target.name} does not claim ${needs.join(', ')}` }));
  }
  if (suite.cases.every((c) => b.has(c.id))) return;

  log?.(`provisioning ${suite.name}`);
  const outcomes: ResourceOutcome[] = [];
  let fx;
  try {
    fx = await session.provision(suite.fixture, suite.name.slice(0, 16), {
      timeline,
      timelinePrefix: suite.name,
      onResource: (o) => outcomes.push(o),
      propagationBoundMs: b.propagationBoundMs,
    });
  } catch (err) {
    // A target that does not implement an operation the fixture needs cannot run the suite at all.
    const notImplemented = classifyNotImplemented((err as { cause?: unknown }).cause ?? err);
    const why = `fixture could not be provisioned: ${(err as Error).message}`;
    log?.(`${suite.name}: ${notImplemented ? `unsupported: ${notImplemented.evidence}` : why}`);
    for (const c of suite.cases) {
      if (b.has(c.id)) continue;
      b.record(
        notImplemented
          ? notRun(suite, c, 'unsupported', '', { path: `fixture.${(err as { resource?: string }).resource ?? 'provisioning'}`, actual: notImplemented.evidence })
          : notRun(suite, c, 'error', why),
      );
    }
    return; // what it made is the run's final teardown's
  }

  const resourceIds = outcomes.filter((o) => o.status === 'made').map((o) => o.id);
  const settled = await settleIam({
    suite,
    fx,
    clients: session.clients,
    resourceIds,
    timeline,
    log: b.log,
    propagationBoundMs: b.propagationBoundMs,
    retry: options.retry,
    signal: options.signal,
    say: log,
  });

  const where = { name: target.name, region: target.region, endpoint: target.endpoint };
  const caseIds: string[] = [];
  await Promise.all(
    suite.cases
      .filter((c) => !b.has(c.id))
      .map((c) =>
        (c.waitsOnClock ? (fn: () => Promise<void>) => fn() : b.caseLimit)(async () => {
          const held = heldBack(options);
          if (held) return b.record(notRun(suite, c, 'error', held));
          const id = `case:${c.id}`;
          caseIds.push(id);
          const end = timeline.begin(id, 'case', [...resourceIds, ...settled], suite.name);
          const result = await withActivity(id, () => runCase(c, { suite, fx, clients: session.clients, target: where })).finally(() => end());
          // A case whose calls were cancelled by an interrupt or the deadline says nothing about the target.
          b.record(options.signal?.aborted && result.verdict !== 'pass' ? { ...result, verdict: 'error', findings: [], error: 'interrupted while it ran' } : result);
        }),
      ),
  );

  const torn = await session.teardownSome(teardownOrder(outcomes), { timeline, afterAll: caseIds });
  b.deleted += torn.deleted;
  if (torn.failures.length > 0) log?.(`${suite.name}: ${torn.failures.length} resource(s) not deleted yet; the run's final teardown tries again`);
}

/**
 * Every suite at once, each through provisioning, the IAM wait, its cases and
 * its own teardown; then the run's final teardown deletes whatever is still
 * ledgered (a fixture that failed halfway, a deletion that did not go through,
 * anything an interrupt left), newest first, whatever happened.
 */
export async function runBatch(suites: readonly SuiteDefinition[], b: Batch): Promise<RunResult['leftovers']> {
  const { session, options } = b;
  const { log } = options;
  let leftovers: RunResult['leftovers'] = [];
  try {
    await withActivity('run', () => Promise.all(suites.map((suite) => runSuite(suite, b))), b.log);
  } finally {
    log?.('tearing down');
    const torn = await session.teardown();
    for (const f of torn.failures) log?.(`could not delete ${f.entry.kind} ${f.entry.name}: ${f.message} (ledger: ${session.ledger.file})`);
    if (torn.failures.length > 0) log?.(`teardown left ${torn.failures.length} resource(s); the ledger ${session.ledger.file} keeps them for 'idchain sweep --target ${options.target.name}'`);
    else if (b.deleted + torn.deleted > 0) log?.(`teardown: ${b.deleted + torn.deleted} resource(s) confirmed gone`);
    leftovers = torn.failures.map((f) => ({ kind: f.entry.kind, name: f.entry.name, message: f.message }));
  }
  return leftovers;
}
