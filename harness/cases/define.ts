import type { Clients } from '../clients/factory';
import type { FixtureSpec, ProvisionedFixture } from '../fixtures/spec';
import type { ServiceName } from '../targets/target';
import type { Expectations } from './expectations';

/**
 * Where an expectation comes from. `doc` is AWS documentation (page named);
 * `obs` is behaviour seen on the wire but not documented — a real-AWS
 * recording should confirm or correct it (aws-contract.md, preamble).
 */
export interface Citation {
  kind: 'doc' | 'obs';
  ref: string;
  url?: string;
}

export interface CaseContext {
  readonly fx: ProvisionedFixture;
  readonly clients: Clients;
  readonly expect: Expectations;
  /** `endpoint` is undefined on AWS, where URLs come from the region. */
  readonly target: { readonly name: string; readonly region: string; readonly endpoint?: string };
}

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

export interface CaseDefinition {
  /** Stable id, `<suite-prefix>/<behaviour>`, e.g. `enhanced/admin-gets-preferred-role`. */
  id: string;
  title: string;
  citations: Citation[];
  /** Services the case calls beyond its suite's. */
  services?: ServiceName[];
  /** Set when the case is one row of a table-driven family. */
  table?: CaseTableRow;
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

/** Check a suite's shape once, where it is declared, so mistakes surface before any run. */
export function defineSuite(suite: SuiteDefinition): SuiteDefinition {
  const seen = new Set<string>();
  for (const c of suite.cases) {
    if (!CASE_ID.test(c.id)) throw new Error(`Case id '${c.id}' in suite ${suite.name} is not of the form family/behaviour (lower-case, digits, hyphens).`);
    if (seen.has(c.id)) throw new Error(`Case id '${c.id}' appears twice in suite ${suite.name}.`);
    if (c.citations.length === 0) throw new Error(`Case ${c.id} has no citation. Every case states where its expectations come from.`);
    seen.add(c.id);
  }
  return suite;
}
