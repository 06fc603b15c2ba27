import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors';
import type { PolicyDocument } from '../provisioning/policies';
import { PROJECT_ROOT } from '../version';

/** Where the bootstrap template and its two policies live. */
export const CI_AWS_DIR = join(PROJECT_ROOT, 'ci', 'aws');

/** The values ci/aws/bootstrap.yaml's `!Sub` fills into the policy files. */
export interface CiPlaceholders {
  partition: string;
  accountId: string;
  region: string;
  /** `Prefix`: the name prefix of idchain's throwaway resources. */
  prefix: string;
  /** `CiName`: the name stem of the runner role, its policy and the boundary. */
  ciName: string;
}

/** The template's defaults, which the emulator's runner uses too. */
export const CI_DEFAULTS = { prefix: 'idchain-', ciName: 'ci-idchain' } as const;

/** What a policy file says once its `${…}` placeholders are filled, as CloudFormation's Fn::Sub fills them. */
export function fillPlaceholders(text: string, values: CiPlaceholders): string {
  const known: Record<string, string> = {
    'AWS::Partition': values.partition,
    'AWS::AccountId': values.accountId,
    'AWS::Region': values.region,
    // The domain suffix of the partition's endpoints [doc: CloudFormation "Pseudo parameters reference", AWS::URLSuffix].
    'AWS::URLSuffix': values.partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com',
    Prefix: values.prefix,
    CiName: values.ciName,
  };
  return text.replace(/\$\{([^}]+)\}/g, (whole, name: string) => {
    if (!(name in known)) throw new UsageError(`The CI policy names \${${name}}, which the bootstrap template does not fill. Expected one of: ${Object.keys(known).map((k) => `\${${k}}`).join(', ')}.`);
    return known[name];
  });
}

/** A policy file of ci/aws/, placeholders filled, parsed. */
export function ciPolicy(file: 'runner-policy.json' | 'boundary-policy.json', values: CiPlaceholders, dir = CI_AWS_DIR): PolicyDocument {
  return JSON.parse(fillPlaceholders(readFileSync(join(dir, file), 'utf8'), values)) as PolicyDocument;
}

/** The ARNs and names the bootstrap stack gives the CI resources. */
export function ciNames(values: CiPlaceholders) {
  const iam = `arn:${values.partition}:iam::${values.accountId}`;
  return {
    roleName: `${values.ciName}-runner`,
    roleArn: `${iam}:role/${values.ciName}-runner`,
    runnerPolicyName: `${values.ciName}-runner-policy`,
    boundaryName: `${values.ciName}-boundary`,
    boundaryArn: `${iam}:policy/${values.ciName}-boundary`,
  };
}
