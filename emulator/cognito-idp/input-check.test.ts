import { InputCheck, memberPath } from './input-check';
import { GROUP_NAME, PASSWORD, ROLE_ARN, USER_POOL_ID } from './shapes';

function failure(run: (check: InputCheck) => void): { code: string; status: number; message: string } {
  const check = new InputCheck();
  run(check);
  try {
    check.done();
  } catch (err) {
    return err as { code: string; status: number; message: string };
  }
  throw new Error('expected a validation error');
}

describe('InputCheck (Coral-style validation messages)', () => {
  it('names members in camel case', () => {
    expect(memberPath('Policies.PasswordPolicy.MinimumLength')).toBe('policies.passwordPolicy.minimumLength');
  });

  it('reports a bad pool id the way AWS does [obs: aws/aws-sdk-js#3344]', () => {
    const err = failure((c) => c.string(' ap-northeast-1_xxx', 'UserPoolId', USER_POOL_ID));
    expect(err).toMatchObject({
      code: 'InvalidParameterException',
      status: 400,
      message:
        "1 validation error detected: Value ' ap-northeast-1_xxx' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+",
    });
  });

  it('reports a missing required member as null', () => {
    expect(failure((c) => c.string(undefined, 'GroupName', GROUP_NAME)).message).toBe(
      "1 validation error detected: Value null at 'groupName' failed to satisfy constraint: Member must not be null",
    );
  });

  it('hides sensitive values and counts several errors, joined with "; "', () => {
    const err = failure((c) => {
      c.string(' x', 'Password', PASSWORD);
      c.integer(-1, 'Precedence', { min: 0 });
    });
    expect(err.message).toBe(
      "2 validation errors detected: Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[\\S]+.*[\\S]+$; " +
        "Value '-1' at 'precedence' failed to satisfy constraint: Member must have value greater than or equal to 0",
    );
  });

  it('checks lengths (RoleArn is 20–2048)', () => {
    expect(failure((c) => c.string('arn:aws:iam::1:r/x', 'RoleArn', ROLE_ARN)).message).toBe(
      "1 validation error detected: Value 'arn:aws:iam::1:r/x' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20",
    );
    const ok = new InputCheck();
    ok.string('arn:aws:iam::123456789012:role/admin', 'RoleArn', ROLE_ARN);
    expect(ok.count).toBe(0);
  });

  it('reports enum values with the allowed set', () => {
    expect(failure((c) => c.enumValue('MAYBE', 'MfaConfiguration', ['OFF', 'ON', 'OPTIONAL'])).message).toBe(
      "1 validation error detected: Value 'MAYBE' at 'mfaConfiguration' failed to satisfy constraint: Member must satisfy enum value set: [OFF, ON, OPTIONAL]",
    );
  });

  it('matches Unicode group names ([\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+) and refuses spaces', () => {
    const ok = new InputCheck();
    ok.string('Équipe-😀_1', 'GroupName', GROUP_NAME);
    expect(ok.count).toBe(0);
    expect(failure((c) => c.string('two words', 'GroupName', GROUP_NAME)).message).toContain(
      'Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+',
    );
  });

  it('answers a wrong JSON type with SerializationException', () => {
    expect(() => new InputCheck().string(5, 'GroupName', GROUP_NAME)).toThrow(expect.objectContaining({ code: 'SerializationException' }));
  });
});
