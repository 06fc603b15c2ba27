import pLimit from 'p-limit';
import type { CaseDefinition, SuiteDefinition } from './suite';
import { unsupportedFinding } from '../cases/finding';
import { cellResults } from '../cases/permission-cell';
import type { ProvisionedFixture } from '../provisioning/spec';
import { openSession, type Session } from '../provisioning/session';
import { withPropagationRetry, type RetryPolicy } from '../clients/propagation-retry';
import type { HttpTimeouts } from '../clients/http-handler';
import type { StartedTarget } from '../targets/target';
import { HARNESS_VERSION, sdkVersions } from '../version';
import { runCase } from './run-case';
import type { CaseResult, RunResult } from './result';
import { classifyNotImplemented } from '../clients/not-implemented';

export interface RunOptions {
  target: StartedTarget;
  suites: readonly SuiteDefinition[];
  runId?: string;
  ledgerDir?: string;
  /** Cases run at once; fixtures are shared read-only within a suite. */
  concurrency?: number;
  retry?: RetryPolicy;
  /** The permissions boundary every created role and user carries (SessionOptions.permissionsBoundary). */
  permissionsBoundary?: string;
  /** Aborting stops new work and cancels the calls in flight; teardown still runs, on clients of its own, within its deadline. */
  signal?: AbortSignal;
  timeouts?: HttpTimeouts;
  teardownTimeoutMs?: number;
  /**
   * Aborting it starts no further case, which reports the abort's reason as
   * its error; cases running finish and teardown runs as usual (`--bail`).
   */
  stopNewCases?: AbortSignal;
  log?: (line: string) => void;
  /** Called as each case finishes, for live progress. */
  onCase?: (result: CaseResult) => void;
}

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

interface Batch {
  options: RunOptions;
  session: Session;
  record(result: CaseResult): void;
  has(id: string): boolean;
}

/**
 * Provision the suites' fixtures, wait once for IAM propagation, run the
 * cases, and tear down in reverse order whatever happens.
 */
async function runBatch(suites: readonly SuiteDefinition[], b: Batch): Promise<RunResult['leftovers']> {
  const { options, session } = b;
  const { clients, ledger } = session;
  const { target, log, signal } = options;
  const ready: { suite: SuiteDefinition; fx: ProvisionedFixture }[] = [];
  let leftovers: RunResult['leftovers'] = [];
  try {
    for (const suite of suites) {
      const held = heldBack(options);
      if (held) {
        for (const c of suite.cases) b.record(notRun(suite, c, 'error', held));
        continue;
      }
      const unclaimed = (c: CaseDefinition) => [...suite.services, ...(c.services ?? [])].filter((s) => !target.services.includes(s));
      for (const c of suite.cases) {
        const needs = unclaimed(c);
        if (needs.length > 0) {
          b.record(notRun(suite, c, 'unsupported', '', { path: 'target.services', actual: `${target.name} does not claim ${needs.join(', ')}` }));
        }
      }
      if (suite.cases.every((c) => b.has(c.id))) continue;
      log?.(`provisioning ${suite.name}`);
      try {
        const fx = await session.provision(suite.fixture, suite.name.slice(0, 16));
        ready.push({ suite, fx });
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
      }
    }

    // The propagation wait, paid once for the whole batch rather than per case.
    for (const { suite, fx } of ready) {
      if (!suite.fixture.ready || signal?.aborted) continue;
      try {
        await withPropagationRetry(() => suite.fixture.ready!(fx, clients), {
          policy: options.retry,
          signal,
          onRetry: ({ attempt }) => log?.(`${suite.name}: waiting for IAM propagation (attempt ${attempt})`),
        });
      } catch (err) {
        // The cases will show what is wrong, each with its own findings.
        log?.(`${suite.name}: fixture check failed, running the cases anyway: ${(err as Error).name}: ${(err as Error).message}`);
      }
    }

    const limit = pLimit(options.concurrency ?? 4);
    const where = { name: target.name, region: target.region, endpoint: target.endpoint };
    await Promise.all(
      ready.flatMap(({ suite, fx }) =>
        suite.cases
          .filter((c) => !b.has(c.id))
          .map((c) =>
            limit(async () => {
              const held = heldBack(options);
              if (held) return b.record(notRun(suite, c, 'error', held));
              const result = await runCase(c, { suite, fx, clients, target: where });
              // A case whose calls were cancelled by an interrupt or the deadline says nothing about the target.
              b.record(signal?.aborted && result.verdict !== 'pass' ? { ...result, verdict: 'error', findings: [], error: 'interrupted while it ran' } : result);
            }),
          ),
      ),
    );
  } finally {
    log?.('tearing down');
    const torn = await session.teardown();
    for (const f of torn.failures) log?.(`could not delete ${f.entry.kind} ${f.entry.name}: ${f.message} (ledger: ${ledger.file})`);
    if (torn.failures.length > 0) log?.(`teardown left ${torn.failures.length} resource(s); the ledger ${ledger.file} keeps them for 'idchain sweep --target ${target.name}'`);
    else if (torn.deleted > 0) log?.(`teardown: ${torn.deleted} resource(s) confirmed gone`);
    leftovers = torn.failures.map((f) => ({ kind: f.entry.kind, name: f.entry.name, message: f.message }));
  }
  return leftovers;
}

/**
 * Run suites against a started target. Targets that can reset their state
 * (moto) run one suite at a time with a reset between, so suites never see
 * each other's leftovers; the others run all suites as one batch so IAM
 * propagation is waited for once.
 */
export async function runSuites(options: RunOptions): Promise<RunResult> {
  const { target } = options;
  const started = Date.now();
  // The target is the caller's: the session leaves it running.
  const session = await openSession({
    target,
    runId: options.runId,
    ledgerDir: options.ledgerDir,
    retry: options.retry,
    permissionsBoundary: options.permissionsBoundary,
    log: options.log,
    signal: options.signal,
    timeouts: options.timeouts,
    teardownTimeoutMs: options.teardownTimeoutMs,
  });
  const results = new Map<string, CaseResult>();
  const batch: Batch = {
    options,
    session,
    record: (r) => {
      results.set(r.id, r);
      options.onCase?.(r);
    },
    has: (id) => results.has(id),
  };
  const leftovers: RunResult['leftovers'] = [];
  try {
    if (target.reset) {
      for (const suite of options.suites) {
        leftovers.push(...(await runBatch([suite], batch)));
        await target.reset();
      }
    } else {
      leftovers.push(...(await runBatch(options.suites, batch)));
    }
  } finally {
    await session.release();
  }

  const order = options.suites.flatMap((s) => s.cases.map((c) => c.id));
  return {
    target: target.name,
    provenance: {
      target: target.name,
      targetKind: target.kind,
      targetVersion: target.version,
      region: target.region,
      harnessVersion: HARNESS_VERSION,
      sdkVersions: sdkVersions(),
      node: process.version,
    },
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    cases: order.map((id) => results.get(id)!).filter(Boolean),
    leftovers,
  };
}
