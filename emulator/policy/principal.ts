import type { PrincipalElement, RequestPrincipal } from './types';

const ACCOUNT_ID = /^\d{12}$/;
const ROOT_ARN = /^arn:aws[\w-]*:iam::(\d{12}):root$/;

function asList(value: string | string[]): string[] {
  return Array.isArray(value) ? value : [value];
}

/** The account id of an IAM or STS ARN, e.g. `arn:aws:sts::123456789012:assumed-role/r/s` → 123456789012. */
function accountOf(arn: string): string | undefined {
  return /^arn:aws[\w-]*:(?:iam|sts)::(\d{12}):/.exec(arn)?.[1];
}

/**
 * `"AWS"` principal values: `*` is any AWS principal; an account id or the
 * account's root ARN stands for every principal of that account; any other value
 * is an exact ARN (IAM-UG "AWS JSON policy elements: Principal").
 */
function awsMatches(value: string, callers: string[]): boolean {
  if (callers.length === 0) return false;
  if (value === '*') return true;
  const account = ACCOUNT_ID.test(value) ? value : ROOT_ARN.exec(value)?.[1];
  if (account) return callers.some((arn) => accountOf(arn) === account);
  return callers.includes(value);
}

/**
 * Does the request's principal match a Principal (or NotPrincipal) element?
 * `"*"` matches everyone, including anonymous callers.
 */
export function principalMatches(element: PrincipalElement, who: RequestPrincipal | undefined): boolean {
  if (element === '*') return true;
  return Object.entries(element).some(([type, raw]) => {
    const values = asList(raw);
    switch (type) {
      case 'AWS':
        return values.some((v) => awsMatches(v, who?.AWS ?? []));
      case 'Federated':
        return who?.Federated !== undefined && values.some((v) => v === '*' || v === who.Federated);
      case 'Service':
        return who?.Service !== undefined && values.some((v) => v === '*' || v === who.Service);
      default:
        return false;
    }
  });
}
