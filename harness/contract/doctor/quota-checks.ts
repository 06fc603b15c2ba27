import { ListOpenIDConnectProvidersCommand, ListRolesCommand, ListSAMLProvidersCommand, ListUsersCommand } from '@aws-sdk/client-iam';
import { ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { ListIdentityPoolsCommand } from '@aws-sdk/client-cognito-identity';
import { ListBucketsCommand } from '@aws-sdk/client-s3';
import type { Clients } from '../../clients/factory';
import { planFixture } from '../../provisioning/plan';
import type { SuiteDefinition } from '../../runner/suite';
import { fail, ok, warn, type DoctorCheck } from './doctor-check';

/**
 * Default quotas of what a run creates [doc: IAM-UG "IAM and AWS STS quotas":
 * roles per account 1,000, IAM users 5,000, OIDC providers 100, SAML
 * providers 100; CG "Quotas in Amazon Cognito": user pools per Region 1,000,
 * identity pools per account 1,000; S3 User Guide "General purpose bucket
 * quotas": 10,000 general purpose buckets per account]. Each is adjustable
 * except where AWS says not.
 */
const QUOTAS: { kind: string; noun: string; limit: number; count: (c: Clients) => Promise<number> }[] = [
  { kind: 'iam-role', noun: 'roles', limit: 1000, count: (c) => pages(async (Marker) => { const p = await c.iam.send(new ListRolesCommand({ Marker })); return [p.Roles?.length ?? 0, p.IsTruncated ? p.Marker : undefined]; }) },
  { kind: 'iam-user', noun: 'IAM users', limit: 5000, count: (c) => pages(async (Marker) => { const p = await c.iam.send(new ListUsersCommand({ Marker })); return [p.Users?.length ?? 0, p.IsTruncated ? p.Marker : undefined]; }) },
  { kind: 'oidc-provider', noun: 'OIDC providers', limit: 100, count: async (c) => (await c.iam.send(new ListOpenIDConnectProvidersCommand({}))).OpenIDConnectProviderList?.length ?? 0 },
  { kind: 'saml-provider', noun: 'SAML providers', limit: 100, count: async (c) => (await c.iam.send(new ListSAMLProvidersCommand({}))).SAMLProviderList?.length ?? 0 },
  { kind: 'user-pool', noun: 'user pools', limit: 1000, count: (c) => pages(async (NextToken) => { const p = await c.idp.send(new ListUserPoolsCommand({ MaxResults: 60, NextToken })); return [p.UserPools?.length ?? 0, p.NextToken]; }) },
  { kind: 'identity-pool', noun: 'identity pools', limit: 1000, count: (c) => pages(async (NextToken) => { const p = await c.identity.send(new ListIdentityPoolsCommand({ MaxResults: 60, NextToken })); return [p.IdentityPools?.length ?? 0, p.NextToken]; }) },
  { kind: 's3-bucket', noun: 'S3 buckets', limit: 10000, count: async (c) => (await c.s3.send(new ListBucketsCommand({}))).Buckets?.length ?? 0 },
];

async function pages(page: (token?: string) => Promise<[number, string | undefined]>): Promise<number> {
  let total = 0;
  let token: string | undefined;
  do {
    const [n, next] = await page(token);
    total += n;
    token = next;
  } while (token);
  return total;
}

/** How many resources of each kind one run holds at once: every suite's fixture (a throwaway IAM user only when the caller is not an IAM user). */
export function runNeeds(suites: readonly SuiteDefinition[], throwawayUser: boolean): Map<string, number> {
  const needs = new Map<string, number>();
  for (const suite of suites) {
    for (const d of planFixture(suite.fixture)) {
      if (d.kind === 'iam-user' && !throwawayUser) continue;
      needs.set(d.kind, (needs.get(d.kind) ?? 0) + 1);
    }
  }
  return needs;
}

/** Quotas in use against their limits, with what a run adds: fail when a run would not fit, warn above 80 %. */
export async function quotaChecks(clients: Clients, needs: Map<string, number>): Promise<DoctorCheck[]> {
  const lines: string[] = [];
  const problems: DoctorCheck[] = [];
  for (const q of QUOTAS) {
    const need = needs.get(q.kind) ?? 0;
    let used: number;
    try {
      used = await q.count(clients);
    } catch (err) {
      problems.push(warn('quota', `could not count ${q.noun}: ${(err as Error).name}`, `allow the list action (runner policy statement ListToFindLeftovers)`));
      continue;
    }
    const text = `${q.noun} ${used}+${need}/${q.limit}`;
    if (used + need > q.limit) problems.push(fail('quota', `${text}: a run would not fit`, `delete unused ${q.noun} (idchain sweep for idchain's) or raise the quota in Service Quotas`));
    else if (used + need > q.limit * 0.8) problems.push(warn('quota', `${text}: above 80 %`, `delete unused ${q.noun} before the account runs out`));
    else lines.push(text);
  }
  return [...problems, ...(lines.length > 0 ? [ok('quotas', `in use + a run / limit: ${lines.join(', ')}`)] : [])];
}
