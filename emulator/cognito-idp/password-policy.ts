import { AwsServiceError } from '../errors';
import type { PasswordPolicy } from './state';

/**
 * The policy a pool gets when CreateUserPool sends none: at least 8
 * characters with upper case, lower case, numbers and symbols; temporary
 * passwords valid 7 days. [doc: CG "Password policies"; CloudFormation
 * AWS::Cognito::UserPool PasswordPolicy; AWS Config
 * cognito-user-pool-password-policy-check defaults]
 */
export const DEFAULT_PASSWORD_POLICY: Readonly<PasswordPolicy> = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
  TemporaryPasswordValidityDays: 7,
};

// [doc: CG "Password policies"] the characters that count as symbols; a space
// counts too when it is neither leading nor trailing.
const SYMBOLS = new Set('^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+-');

function hasSymbol(password: string): boolean {
  for (let i = 0; i < password.length; i++) {
    const ch = password[i];
    if (SYMBOLS.has(ch)) return true;
    if (ch === ' ' && i > 0 && i < password.length - 1) return true;
  }
  return false;
}

/**
 * Why a password breaks a policy, in the order Cognito reports the first
 * failure, or undefined if it conforms. Messages are the ones Cognito sends
 * after "Password did not conform with policy: " [obs: public client code
 * matching "Password not long enough", "Password must have lowercase
 * characters", "… uppercase …", "… numeric …", "… symbol characters"].
 */
export function passwordPolicyViolation(policy: PasswordPolicy, password: string): string | undefined {
  if ([...password].length < policy.MinimumLength) return 'Password not long enough';
  if (policy.RequireLowercase && !/\p{Ll}/u.test(password)) return 'Password must have lowercase characters';
  if (policy.RequireUppercase && !/\p{Lu}/u.test(password)) return 'Password must have uppercase characters';
  if (policy.RequireNumbers && !/[0-9]/.test(password)) return 'Password must have numeric characters';
  if (policy.RequireSymbols && !hasSymbol(password)) return 'Password must have symbol characters';
  return undefined;
}

/** Throw `InvalidPasswordException` "Password did not conform with policy: …" when the password breaks the policy. */
export function assertPasswordConforms(policy: PasswordPolicy, password: string): void {
  const violation = passwordPolicyViolation(policy, password);
  if (violation) {
    throw new AwsServiceError('InvalidPasswordException', `Password did not conform with policy: ${violation}`, 400);
  }
}
