import { isServiceError, toStepError, type StepError } from '../clients/sdk-errors';
import { deepEqual } from './deep-equal';
import { CaseAborted } from './case-aborted';
import { sourceText, type Source } from './citation';
import { unsupportedFinding, type Finding } from './finding';
import { classifyNotImplemented } from '../clients/not-implemented';
import { outcomeOf, type CellOutcome } from './permission-cell';

export interface ExpectedError {
  /**
   * The AWS error name, e.g. `NotAuthorizedException`. Omit only where AWS
   * documents that a call is refused but not with which error: then any
   * refusal passes and the golden records which one it was.
   */
  name?: string;
  /** Asserted when given: exact text, or a pattern for messages with volatile parts. */
  message?: string | RegExp;
  /** Asserted when given. Cognito's documented and live statuses differ (aws-contract.md §2): prefer recording. */
  httpStatus?: number;
}

/**
 * Contract assertions that record findings instead of throwing, so one case
 * reports every difference it sees. Each takes the source of the expectation.
 */
export class Expectations {
  readonly findings: Finding[] = [];
  /** What each call asserted through `succeeds` or `error` answered, by its path: a permission matrix's actual cells. */
  readonly outcomes = new Map<string, CellOutcome>();

  /** `now` is the clock lifetimes are read against (epoch ms); injected in tests. */
  constructor(private readonly now: () => number = Date.now) {}

  private add(finding: Omit<Finding, 'source'> & { source?: Source }): false {
    // A missing value must survive JSON, which drops undefined.
    this.findings.push({ ...finding, expected: finding.expected ?? 'absent', actual: finding.actual ?? 'absent', source: sourceText(finding.source) });
    return false;
  }

  /** Deep equality of JSON-like values. */
  equal(path: string, actual: unknown, expected: unknown, source?: Source): boolean {
    if (deepEqual(actual, expected)) return true;
    return this.add({ path, kind: 'contract', expected, actual, source });
  }

  /** A string matching a pattern; `describe` says in words what was expected. */
  match(path: string, actual: unknown, pattern: RegExp, source?: Source): boolean {
    if (typeof actual === 'string' && pattern.test(actual)) return true;
    return this.add({ path, kind: 'contract', expected: `matching ${pattern}`, actual, source });
  }

  /** The value must be absent (undefined). */
  absent(path: string, actual: unknown, source?: Source): boolean {
    if (actual === undefined) return true;
    return this.add({ path, kind: 'contract', expected: 'absent', actual, source });
  }

  /** The value must be present (not undefined or null). */
  present(path: string, actual: unknown, source?: Source): boolean {
    if (actual !== undefined && actual !== null) return true;
    return this.add({ path, kind: 'contract', expected: 'present', actual: actual ?? 'absent', source });
  }

  /** A number within [min, max]. */
  within(path: string, actual: unknown, min: number, max: number, source?: Source): boolean {
    if (typeof actual === 'number' && actual >= min && actual <= max) return true;
    return this.add({ path, kind: 'contract', expected: min === max ? min : `between ${min} and ${max}`, actual, source });
  }

  /**
   * Credentials that last `seconds`. Call it as the answer arrives, with
   * `sentAt` (epoch ms) taken just before the call: the target issued them
   * somewhere in between, so their lifetime is only known to lie within
   * [expiration − now, expiration − sentAt]. It passes when that span meets
   * [seconds − 120, seconds + 5] (120 s short for clock skew against a remote
   * target, 5 s long for rounding), so a slow round trip on a busy machine
   * never fails it. A finding gives the end of the span nearest the window.
   */
  lifetime(path: string, expiration: Date, sentAt: number, seconds: number, source?: Source): boolean {
    const [min, max] = [seconds - 120, seconds + 5];
    const longest = (expiration.getTime() - sentAt) / 1000;
    const shortest = (expiration.getTime() - this.now()) / 1000;
    if (longest >= min && shortest <= max) return true;
    return this.add({ path, kind: 'contract', expected: `between ${min} and ${max}`, actual: Math.round(shortest > max ? shortest : longest), source });
  }

  /**
   * A precondition of the case about the target rather than the contract (say,
   * that the harness signs as an IAM user). When it does not hold, the case
   * stops as `unsupported` with what was found, instead of failing for a
   * reason the contract does not decide.
   */
  requires(path: string, holds: boolean, expected: string, actual: unknown): void {
    if (!holds) throw new CaseAborted({ path, kind: 'unsupported', expected, actual: actual ?? 'absent' });
  }

  /**
   * The call must be refused with the given error. Returns the error seen, or
   * undefined when the call succeeded (recorded as `unexpected-success`).
   */
  async error(path: string, call: Promise<unknown>, expected: ExpectedError, source?: Source): Promise<StepError | undefined> {
    let seen: StepError;
    try {
      await call;
      this.outcomes.set(path, outcomeOf(undefined));
      this.add({ path, kind: 'unexpected-success', expected: { error: expected.name ?? 'any error' }, actual: 'success', source });
      return undefined;
    } catch (err) {
      const notImplemented = classifyNotImplemented(err);
      if (notImplemented) throw new CaseAborted(unsupportedFinding(path, notImplemented.evidence));
      seen = toStepError(err);
      this.outcomes.set(path, outcomeOf(seen.name));
    }
    if (expected.name !== undefined) this.equal(`${path}.error.name`, seen.name, expected.name, source);
    if (expected.message instanceof RegExp) this.match(`${path}.error.message`, seen.message, expected.message, source);
    else if (expected.message !== undefined) this.equal(`${path}.error.message`, seen.message, expected.message, source);
    if (expected.httpStatus !== undefined) this.equal(`${path}.error.httpStatus`, seen.httpStatus, expected.httpStatus, source);
    return seen;
  }

  /**
   * The call must succeed for the case to go on. A refusal is recorded as
   * `unexpected-error` and the case stops there.
   */
  async succeeds<T>(path: string, call: Promise<T>, source?: Source): Promise<T> {
    try {
      const result = await call;
      this.outcomes.set(path, outcomeOf(undefined));
      return result;
    } catch (err) {
      const notImplemented = classifyNotImplemented(err);
      if (notImplemented) throw new CaseAborted(unsupportedFinding(path, notImplemented.evidence));
      if (!isServiceError(err)) throw err;
      const seen = toStepError(err);
      this.outcomes.set(path, outcomeOf(seen.name));
      throw new CaseAborted({ path, kind: 'unexpected-error', expected: 'success', actual: { error: seen.name, message: seen.message }, source: sourceText(source) });
    }
  }
}
