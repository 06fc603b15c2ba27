import { AwsServiceError } from '../errors';
import { InputCheck as IdentityInputCheck } from '../cognito-identity/input-check';
import { InputCheck as UserPoolInputCheck } from '../cognito-idp/input-check';
import { Violations } from '../iam/validation';
import { ConstraintReport, fullMatch, lengthViolations, stringViolations, validationMessage, violationText, type ConstraintStyle } from './constraints';

function thrown(fn: () => void): AwsServiceError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AwsServiceError) return err;
    throw err;
  }
  throw new Error('expected a validation error');
}

describe('Coral-style messages (aws-contract.md §3)', () => {
  it('names one violation "Value \'x\' at \'member\' failed to satisfy constraint: …"', () => {
    expect(violationText(899, 'durationSeconds', 'Member must have value greater than or equal to 900')).toBe(
      "Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    );
  });

  it('writes a missing member as "Value null" and a sensitive one without its value', () => {
    expect(violationText(undefined, 'roleSessionName', 'Member must not be null')).toBe(
      "Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null",
    );
    // [obs: amazon-archives/amazon-cognito-identity-js#388] "Value at 'password' failed to satisfy constraint: …"
    expect(violationText('secret', 'password', 'Member must have length greater than or equal to 6', true)).toBe(
      "Value at 'password' failed to satisfy constraint: Member must have length greater than or equal to 6",
    );
  });

  it('prints lists and maps the way Java does ([a, b], {k=v}) [obs: aws/aws-cdk#31795]', () => {
    expect(violationText(['A', 'B'], 'explicitAuthFlows', 'c')).toBe("Value '[A, B]' at 'explicitAuthFlows' failed to satisfy constraint: c");
    expect(violationText({ 'accounts.google.com': 'x', 'graph.facebook.com': 'y' }, 'supportedLoginProviders', 'c')).toBe(
      "Value '{accounts.google.com=x, graph.facebook.com=y}' at 'supportedLoginProviders' failed to satisfy constraint: c",
    );
  });

  it('counts the violations: "1 validation error", "2 validation errors", joined with "; "', () => {
    expect(validationMessage(['a'])).toBe('1 validation error detected: a');
    expect(validationMessage(['a', 'b'])).toBe('2 validation errors detected: a; b');
  });
});

describe('member checks', () => {
  it('matches patterns against the whole value, as Java matches() does', () => {
    expect(fullMatch('[\\w+=,.@-]*', 'Session1')).toBe(true);
    expect(fullMatch('[\\w+=,.@-]*', 'Session1:2')).toBe(false);
    expect(fullMatch('[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+', 'Équipe-1')).toBe(true);
  });

  it('lists the maximum before the minimum, as AWS lists a member\'s constraints [obs: aws/aws-cdk#31795]', () => {
    // A minimum above the maximum makes both fail at once, which shows the order.
    expect(lengthViolations(5, { min: 10, max: 2 })).toEqual([
      'Member must have length less than or equal to 2',
      'Member must have length greater than or equal to 10',
    ]);
  });

  const style = (order: ConstraintStyle['order']): ConstraintStyle => ({ order, patternOnEmpty: true, lengthUnit: 'utf-16' });
  const rule = { min: 20, pattern: '[a-z]+' };

  it('orders pattern and length by the service\'s style', () => {
    expect(stringViolations('', rule, style('pattern-first'))).toEqual([
      'Member must satisfy regular expression pattern: [a-z]+',
      'Member must have length greater than or equal to 20',
    ]);
    expect(stringViolations('', rule, style('length-first'))).toEqual([
      'Member must have length greater than or equal to 20',
      'Member must satisfy regular expression pattern: [a-z]+',
    ]);
  });

  it('skips the pattern of an empty string and counts UTF-16 units or code points as the style says', () => {
    expect(stringViolations('', rule, { ...style('length-first'), patternOnEmpty: false })).toEqual([
      'Member must have length greater than or equal to 20',
    ]);
    expect(stringViolations('😀', { min: 2 }, { ...style('length-first'), lengthUnit: 'utf-16' })).toEqual([]);
    expect(stringViolations('😀', { min: 2 }, { ...style('length-first'), lengthUnit: 'code-points' })).toEqual([
      'Member must have length greater than or equal to 2',
    ]);
  });

  it('throws the error the service chose, with every violation', () => {
    const report = new ConstraintReport(style('pattern-first'), (message) => new AwsServiceError('SomeValidation', message, 400));
    report.add(undefined, 'a', 'Member must not be null').add('x', 'b', 'c');
    expect(report.count).toBe(2);
    expect(thrown(() => report.throwIfAny())).toMatchObject({
      code: 'SomeValidation',
      message: "2 validation errors detected: Value null at 'a' failed to satisfy constraint: Member must not be null; Value 'x' at 'b' failed to satisfy constraint: c",
    });
    expect(() => new ConstraintReport(style('length-first'), () => new AwsServiceError('X', 'x')).throwIfAny()).not.toThrow();
  });
});

describe('each service\'s order of a member\'s pattern and length violations', () => {
  it('IAM and STS: the pattern first [obs: newscorpaus/consigliere#18, "Value \'\' at \'roleArn\' … pattern …; … length greater than or equal to 20"]', () => {
    const err = thrown(() => new Violations().string('', 'roleArn', { min: 20, pattern: '[a-z:]+' }).throwIfAny());
    expect(err.code).toBe('ValidationError');
    expect(err.message).toBe(
      "2 validation errors detected: Value '' at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-z:]+; " +
        "Value '' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20",
    );
  });

  it('user pools: the length first, sensitive members without value [obs: amazon-archives/amazon-cognito-identity-js#388]', () => {
    const check = new UserPoolInputCheck();
    check.string('a b', 'Password', { min: 6, pattern: '[\\S]+', sensitive: true });
    const err = thrown(() => check.done());
    expect(err.code).toBe('InvalidParameterException');
    expect(err.message).toBe(
      "2 validation errors detected: Value at 'password' failed to satisfy constraint: Member must have length greater than or equal to 6; " +
        "Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\S]+",
    );
  });

  it('identity pools: the length first [obs: aws/aws-cdk#31795, "[Member must have length …, …, Member must satisfy regular expression pattern: …]"]', () => {
    const check = new IdentityInputCheck();
    check.stringMap({ 'graph.facebook.com': `${'a'.repeat(128)} ` }, 'supportedLoginProviders', {
      value: { min: 1, max: 128, pattern: '[\\w.;_/-]+' },
    });
    const err = thrown(() => check.done());
    expect(err.code).toBe('ValidationException');
    expect(err.message).toBe(
      `1 validation error detected: Value '{graph.facebook.com=${'a'.repeat(128)} }' at 'supportedLoginProviders' failed to satisfy constraint: ` +
        'Map value must satisfy constraint: [Member must have length less than or equal to 128, Member must satisfy regular expression pattern: [\\w.;_/-]+]',
    );
  });
});
