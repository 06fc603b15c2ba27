export { credentialsThrough, expectRole } from '../steps';

/** `cognito:roles` as a sorted list: AWS documents no order for it. */
export function rolesClaim(claims: Record<string, unknown>): string[] | undefined {
  const raw = claims['cognito:roles'];
  return Array.isArray(raw) ? [...(raw as string[])].sort() : (raw as string[] | undefined);
}
