import pLimit from 'p-limit';
import { createClients } from '../clients/factory';
import type { CaseDefinition, SuiteDefinition } from '../cases/define';
import { Ledger } from '../fixtures/ledger';
import { newRunId } from '../fixtures/names';
import { provisionFixture } from '../fixtures/provision';
import type { ProvisionedFixture } from '../fixtures/spec';
import { teardownLedger } from '../fixtures/teardown';
import { withPropagationRetry, type RetryPolicy } from '../retry/propagation';
import type { StartedTarget } from '../targets/target';
import { HARNESS_VERSION, sdkVersions } from '../version';
import { runCase } from './run-case';
import type { CaseResult, RunResult } from './result';

export interface RunOptions {
  target: StartedTarget;
  suites: readonly SuiteDefinition[];
  runId?: string;
  ledgerDir?: string;
  /** Cases run at once; fixtures are shared read-only within a suite. */
  concurrency?: number;
  retry?: RetryPolicy;
  /** Aborting stops new work; teardown still runs. */
  signal?: AbortSignal;
  log?: (line: string) => void;
  /** Called as each case finishes, for live progress. */
  onCase?: (result: CaseResult) => void;
}

function notRun(suite: SuiteDefinition, c: CaseDefinition, verdict: 'unsupported' | 'error', why: string): CaseResult {
  return {
    id: c.id,
    suite: suite.name,
    title: c.title,
    verdict,
    durationMs: 0,
    citations: c.citations,
    findings:
      verdict === 'unsupported' ? [{ path: 'target.services', kind: 'unsupported', expected: why.split(': ')[1] ?? why, actual: 'not claimed' }] : [],
    steps: [],
    normalized: [],
    error: verdict === 'error' ? why : undefined,
  };
}

/**
 * Run suites against a started target: provision every fixture, wait once for
 * IAM propagation, run the cases, and tear down in reverse order whatever
 * happens (failures, exceptions, an abort).
 */
export async function runSuites(options: RunOptions): Promise<RunResult> {
  const { target, log } = options;
  const runId = options.runId ?? newRunId();
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const clients = createClients(target);
  const ledger = new Ledger(runId, target.name, target.region, options.ledgerDir);
  const results = new Map<string, CaseResult>();
  const ready: { suite: SuiteDefinition; fx: ProvisionedFixture }[] = [];
  const record = (r: CaseResult) => {
    results.set(r.id, r);
    options.onCase?.(r);
  };
  let leftovers: RunResult['leftovers'] = [];

  try {
    for (const suite of options.suites) {
      const missing = [...new Set([...suite.services, ...suite.cases.flatMap((c) => c.services ?? [])])].filter(
        (s) => !target.services.includes(s),
      );
      if (missing.length > 0 || options.signal?.aborted) {
        for (const c of suite.cases) {
          const needs = [...suite.services, ...(c.services ?? [])].filter((s) => !target.services.includes(s));
          if (options.signal?.aborted) record(notRun(suite, c, 'error', 'interrupted before it ran'));
          else if (needs.length > 0) record(notRun(suite, c, 'unsupported', `needs services the target does not emulate: ${needs.join(', ')}`));
        }
        if (options.signal?.aborted || suite.cases.every((c) => results.has(c.id))) continue;
      }
      log?.(`provisioning ${suite.name}`);
      try {
        const fx = await provisionFixture(suite.fixture, runId, { clients, ledger, region: target.region, scope: suite.name.slice(0, 16), retry: options.retry, log });
        ready.push({ suite, fx });
      } catch (err) {
        const why = `fixture could not be provisioned: ${(err as Error).message}`;
        log?.(`${suite.name}: ${why}`);
        for (const c of suite.cases) if (!results.has(c.id)) record(notRun(suite, c, 'error', why));
      }
    }

    // The propagation wait, paid once for the whole run rather than per case.
    for (const { suite, fx } of ready) {
      if (!suite.fixture.ready || options.signal?.aborted) continue;
      try {
        await withPropagationRetry(() => suite.fixture.ready!(fx, clients), {
          policy: options.retry,
          signal: options.signal,
          onRetry: ({ attempt }) => log?.(`${suite.name}: waiting for IAM propagation (attempt ${attempt})`),
        });
      } catch (err) {
        // The cases will show what is wrong, each with its own findings.
        log?.(`${suite.name}: fixture check failed, running the cases anyway: ${(err as Error).name}: ${(err as Error).message}`);
      }
    }

    const limit = pLimit(options.concurrency ?? 4);
    const target_ = { name: target.name, region: target.region };
    await Promise.all(
      ready.flatMap(({ suite, fx }) =>
        suite.cases
          .filter((c) => !results.has(c.id))
          .map((c) =>
            limit(async () => {
              if (options.signal?.aborted) return record(notRun(suite, c, 'error', 'interrupted before it ran'));
              record(await runCase(c, { suite, fx, clients, target: target_ }));
            }),
          ),
      ),
    );
  } finally {
    log?.('tearing down');
    const torn = await teardownLedger(clients, ledger);
    leftovers = torn.failures.map((f) => ({ kind: f.entry.kind, name: f.entry.name, message: f.message }));
    for (const l of leftovers) log?.(`could not delete ${l.kind} ${l.name}: ${l.message} (ledger: ${ledger.file})`);
    clients.destroy();
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
    startedAt,
    durationMs: Date.now() - started,
    cases: order.map((id) => results.get(id)!).filter(Boolean),
    leftovers,
  };
}
