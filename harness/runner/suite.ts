import type { CaseTableRow } from '../cases/case-table-row';
import type { PermissionCell } from '../cases/permission-cell';
import type { Citation } from '../cases/citation';
import { citationProblem } from '../cases/citation-schema';
import type { Expectations } from '../cases/expectations';
import { MIN_REASON_LENGTH, type GoldenRules } from '../cases/golden-rules';
import type { Clients } from '../clients/factory';
import type { FixtureSpec, ProvisionedFixture } from '../provisioning/spec';
import type { ServiceName } from '../targets/target';
import { UsageError } from '../errors';
import { FixtureError, planFixture } from '../provisioning/plan';

export interface CaseContext {
  readonly fx: ProvisionedFixture;
  readonly clients: Clients;
  readonly expect: Expectations;
  /** `endpoint` is undefined on AWS, where URLs come from the region. */
  readonly target: { readonly name: string; readonly region: string; readonly endpoint?: string };
}

export interface CaseDefinition {
  /** Stable id, `<suite-prefix>/<behaviour>`, e.g. `enhanced/admin-gets-preferred-role`. */
  id: string;
  title: string;
  citations: Citation[];
  /** Services the case calls beyond its suite's. */
  services?: ServiceName[];
  /** Set when the case is one row of a table-driven family. */
  table?: CaseTableRow;
  /** The permission-matrix cells the case decides, each naming the step that decides it. */
  matrix?: PermissionCell[];
  /** Paths its golden keeps sorted or leaves out of the comparison, each with its reason. */
  golden?: GoldenRules;
  /**
   * The case spends most of its time waiting for the clock (a token it was
   * given expiring), not calling the target: it runs beside the run's case
   * concurrency limit instead of holding a slot, so the run does not sit
   * idle behind the wait and the wait starts as soon as the fixture is ready.
   */
  waitsOnClock?: boolean;
  run(ctx: CaseContext): Promise<void>;
}

export interface SuiteDefinition {
  /** Suite name: the golden folder and the `--suite` glob match it. */
  name: string;
  title: string;
  services: ServiceName[];
  fixture: FixtureSpec;
  cases: CaseDefinition[];
}

const CASE_ID = /^[a-z0-9-]+\/[a-z0-9-]+$/;

/**
 * Check a suite once, where it is declared, so mistakes surface before any
 * run: case ids and citations, and every name its fixture's resources use (a
 * group naming an undeclared role, a mapping naming an undeclared pool,
 * resources naming each other in a circle). Bad definitions are usage errors.
 */
export function defineSuite(suite: SuiteDefinition): SuiteDefinition {
  const seen = new Set<string>();
  for (const c of suite.cases) {
    if (!CASE_ID.test(c.id)) throw new UsageError(`Case id '${c.id}' in suite ${suite.name} is not of the form family/behaviour (lower-case, digits, hyphens).`);
    if (seen.has(c.id)) throw new UsageError(`Case id '${c.id}' appears twice in suite ${suite.name}.`);
    if (c.citations.length === 0) throw new UsageError(`Case ${c.id} has no citation. Every case states where its expectations come from.`);
    for (const citation of c.citations) {
      const problem = citationProblem(citation);
      if (problem) {
        throw new UsageError(
          `Case ${c.id} has a malformed ${citation.kind ?? ''} citation '${citation.ref}': ${problem}. Expected: doc, obs or inferred with a ref (and an https url), or a conflict naming both sides, each with its quote, and which reading the case asserts.`,
        );
      }
    }
    for (const [what, rules] of Object.entries(c.golden ?? {})) {
      for (const rule of rules ?? []) {
        if (!rule.path || (rule.reason ?? '').trim().length < MIN_REASON_LENGTH) {
          throw new UsageError(`Case ${c.id} asks its golden to ${what} '${rule.path}' without a reason. Expected: a path and why (${MIN_REASON_LENGTH} characters at least), e.g. "AWS documents no order for cognito:groups".`);
        }
      }
    }
    seen.add(c.id);
  }
  try {
    planFixture(suite.fixture);
  } catch (err) {
    if (err instanceof FixtureError) throw new FixtureError(`The fixture of suite ${suite.name}: ${err.message}`);
    throw err;
  }
  return suite;
}
