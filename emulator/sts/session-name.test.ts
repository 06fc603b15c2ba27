import { AwsServiceError } from '../errors';
import { Violations } from '../iam/validation';
import { checkDurationSecondsRange } from './duration';
import { checkRoleSessionName, validateRoleSessionName } from './session-name';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (!(err instanceof AwsServiceError)) throw err;
    expect([err.code, err.status, err.fault]).toEqual(['ValidationError', 400, 'Sender']);
    return err.message;
  }
  throw new Error('expected a ValidationError');
}

const PATTERN = 'Member must satisfy regular expression pattern: [\\w+=,.@-]*';
const at = (value: string) => `Value '${value}' at 'roleSessionName' failed to satisfy constraint:`;

describe('RoleSessionName (STS-API AssumeRole: 2–64, [\\w+=,.@-]*)', () => {
  it.each([
    // aws-contract.md §3, recorded against AWS.
    ['a colon', 'Session1:2', `1 validation error detected: ${at('Session1:2')} ${PATTERN}`],
    ['spaces', 'Session Names cannot Hava Spaces!', `1 validation error detected: ${at('Session Names cannot Hava Spaces!')} ${PATTERN}`],
    ['a slash', 'bad/name', `1 validation error detected: ${at('bad/name')} ${PATTERN}`],
    ['one character', 'a', `1 validation error detected: ${at('a')} Member must have length greater than or equal to 2`],
    ['empty: the pattern allows it, the length does not', '', `1 validation error detected: ${at('')} Member must have length greater than or equal to 2`],
    ['65 characters', 'a'.repeat(65), `1 validation error detected: ${at('a'.repeat(65))} Member must have length less than or equal to 64`],
    ['short and invalid: pattern first, then length', '!', `2 validation errors detected: ${at('!')} ${PATTERN}; ${at('!')} Member must have length greater than or equal to 2`],
    ['one emoji is one character', '😀', `2 validation errors detected: ${at('😀')} ${PATTERN}; ${at('😀')} Member must have length greater than or equal to 2`],
  ])('refuses %s', (_label, name, message) => {
    expect(messageOf(() => validateRoleSessionName(name))).toBe(message);
  });

  it('refuses a missing name: "Value null … Member must not be null"', () => {
    expect(messageOf(() => validateRoleSessionName(undefined))).toBe(
      "1 validation error detected: Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null",
    );
  });

  it.each(['aa', 'b'.repeat(64), 'CognitoIdentityCredentials', 'user+tag=x,y.z@example-1_2'])('accepts %s', (name) => {
    expect(validateRoleSessionName(name)).toBe(name);
  });

  it('reports a bad session name together with a bad duration', () => {
    const violations = new Violations();
    checkRoleSessionName(violations, 'a');
    checkDurationSecondsRange(violations, 899);
    expect(messageOf(() => violations.throwIfAny())).toBe(
      `2 validation errors detected: ${at('a')} Member must have length greater than or equal to 2; ` +
        "Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    );
  });
});
