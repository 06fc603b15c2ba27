import { AwsServiceError } from '../errors';
import { assertPasswordConforms, DEFAULT_PASSWORD_POLICY, passwordPolicyViolation } from './password-policy';

describe('password policy', () => {
  it('defaults to AWS: 8 characters, upper, lower, numbers, symbols, temporary passwords 7 days', () => {
    expect(DEFAULT_PASSWORD_POLICY).toEqual({
      MinimumLength: 8,
      RequireUppercase: true,
      RequireLowercase: true,
      RequireNumbers: true,
      RequireSymbols: true,
      TemporaryPasswordValidityDays: 7,
    });
  });

  it.each([
    ['Aa1!aaa', 'Password not long enough'],
    ['AAAA1111!', 'Password must have lowercase characters'],
    ['aaaa1111!', 'Password must have uppercase characters'],
    ['Aaaaaaaa!', 'Password must have numeric characters'],
    ['Aaaaaaaa1', 'Password must have symbol characters'],
  ])('refuses %j: %s', (password, reason) => {
    expect(passwordPolicyViolation(DEFAULT_PASSWORD_POLICY, password)).toBe(reason);
  });

  it.each(['Correct-Horse-1', 'Passw0rd!', 'Ab1^cdef', 'Ab1 cdefg'])('accepts %j', (password) => {
    expect(passwordPolicyViolation(DEFAULT_PASSWORD_POLICY, password)).toBeUndefined();
  });

  it('counts a space as a symbol only inside the password', () => {
    expect(passwordPolicyViolation(DEFAULT_PASSWORD_POLICY, 'Abcdefg1 ')).toBe('Password must have symbol characters');
  });

  it('follows a relaxed policy', () => {
    const relaxed = { ...DEFAULT_PASSWORD_POLICY, MinimumLength: 6, RequireSymbols: false, RequireUppercase: false };
    expect(passwordPolicyViolation(relaxed, 'abc123')).toBeUndefined();
  });

  it('answers InvalidPasswordException with AWS wording', () => {
    let caught: unknown;
    try {
      assertPasswordConforms(DEFAULT_PASSWORD_POLICY, 'short');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AwsServiceError);
    expect(caught).toMatchObject({
      code: 'InvalidPasswordException',
      status: 400,
      message: 'Password did not conform with policy: Password not long enough',
    });
  });
});
