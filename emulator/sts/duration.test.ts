import { AwsServiceError } from '../errors';
import { resolveRoleSessionDuration } from './duration';

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

describe('DurationSeconds of a role session (aws-contract.md §3)', () => {
  const role = { maxSessionDuration: 7200 };

  it.each<[string, number | undefined, { maxSessionDuration: number; roleChaining?: boolean }, number]>([
    ['default is one hour', undefined, role, 3600],
    ['minimum 900', 900, role, 900],
    ['up to the role maximum', 7200, role, 7200],
    ['12 h when the role allows it', 43200, { maxSessionDuration: 43200 }, 43200],
    ['chaining: one hour is allowed', 3600, { maxSessionDuration: 43200, roleChaining: true }, 3600],
    ['chaining: the default is one hour', undefined, { maxSessionDuration: 43200, roleChaining: true }, 3600],
  ])('%s', (_label, value, limits, expected) => {
    expect(resolveRoleSessionDuration(value, limits)).toBe(expected);
  });

  it.each<[string, number, { maxSessionDuration: number; roleChaining?: boolean }, string]>([
    [
      'below 900',
      899,
      role,
      "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    ],
    [
      'zero',
      0,
      role,
      "1 validation error detected: Value '0' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    ],
    ['above the role maximum', 7201, role, 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'],
    ['above the default role maximum', 3601, { maxSessionDuration: 3600 }, 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'],
    [
      'above 12 h, whatever the role allows: the model limit is checked first',
      43201,
      { maxSessionDuration: 3600 },
      "1 validation error detected: Value '43201' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200",
    ],
    [
      'role chaining over one hour',
      3601,
      { maxSessionDuration: 43200, roleChaining: true },
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    ],
  ])('refuses %s', (_label, value, limits, message) => {
    expect(messageOf(() => resolveRoleSessionDuration(value, limits))).toBe(message);
  });
});
