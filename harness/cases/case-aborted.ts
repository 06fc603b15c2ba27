import type { Finding } from './finding';

/**
 * Thrown to stop a case whose next steps depend on something that did not
 * happen; the runner records its finding. Flows throw it too when an answer
 * lacks what the contract promises (e.g. no `SecretKey`).
 */
export class CaseAborted extends Error {
  constructor(readonly finding: Finding) {
    super(`${finding.path}: expected ${JSON.stringify(finding.expected)}, got ${JSON.stringify(finding.actual)}`);
  }
}
