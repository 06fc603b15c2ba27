import { Command, CommanderError, Option } from 'commander';
import { IdchainError, UsageError } from '../errors';
import { HARNESS_VERSION } from '../version';
import type { CliIo } from './io';
import { runCommand, emulatorCommand, recordCommand, sweepCommand, flowCommand as runFlow, conformanceCommand, mergeReportsCommand, doctorCommand } from './commands/lazy';
import { limitsFrom, withLimits } from './limits';
import { controlled } from './run-control';

/**
 * Parse argv and run one command. Returns the documented exit code
 * (DESIGN.md § CLI contract): 0 all passed, 1 a case failed, 2 bad usage or
 * configuration, 3 target unavailable.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let code = 0;
  const program = new Command('idchain')
    .description('Contract tests for the AWS identity chain: Cognito user pools → identity pools → STS → IAM roles.')
    .version(HARNESS_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .showHelpAfterError('(run idchain --help for usage)');

  withLimits(program.command('run'), '1h')
    .description('Run the contract against one target and write reports.')
    .option('--target <name>', 'reference (built-in, default), aws, or any name with --endpoint', 'reference')
    .option('--endpoint <url>', 'use an emulator already running at this URL')
    .option('--region <region>', 'region to run in (default: AWS_REGION, else us-east-1)')
    .option('--suite <glob>', 'only suites or case ids matching these globs (comma-separated; * stays within a path segment)')
    .option('--shard <K/N>', 'only the K-th of N balanced shares of the selected suites, for a CI matrix (see merge-reports)')
    .option('--report-dir <dir>', 'where <target>/report.{json,md,html} and junit.xml go', 'reports')
    .option('--baseline <name>', 'golden set to compare with (default: aws when recorded, else reference)')
    .option('--max-golden-age <days>', 'report goldens last validated longer ago than this as stale', '30')
    .option('--golden-dir <dir>', 'where goldens live (default fixtures/golden)')
    .option('--json', 'print report.json to stdout (case lines go to stderr); with --list, the cases as JSON')
    .option('--list', 'list the selected cases (id, suite, title) and stop: nothing is started')
    .option('--bail', 'start no more cases after the first that does not pass; teardown still runs')
    .option('--quiet', 'print the summary only: no line per case, no progress line')
    .option('--as-runner', 'reference only: sign as the CI runner role made from ci/aws/runner-policy.json and boundary-policy.json')
    .option('--permissions-boundary <arn>', 'boundary every created role and user carries (default on aws: IDCHAIN_PERMISSIONS_BOUNDARY)')
    .option('--weather <name|file>', "run the reference emulator in AWS's weather: aws (emulator/weather/profiles/aws.json) or a JSON profile (default calm: none)")
    .option('--seed <n>', 'seed of the weather: the same seed gives the same weather (default 1)')
    .option('--weather-scale <f>', "multiply every weather duration by f (1 is AWS's pace, the default)")
    .addOption(
      // Names are checked when the emulator starts (an unknown one exits 2), so --help need not load the emulator.
      new Option('--mutant <name...>', 'start the reference emulator with a deliberate fault (for testing idchain itself)').hideHelp(),
    )
    .action(async (opts) => {
      code = await controlled(io, limitsFrom(opts), (control) => runCommand({ ...opts, control }, io));
    });

  withLimits(program.command('record'), '1h')
    .description("Run the cases on a target and write its answers as that target's goldens.")
    .requiredOption('--target <name>', 'reference, aws, or any name with --endpoint')
    .option('--endpoint <url>', 'use an emulator already running at this URL')
    .option('--region <region>', 'region to run in (default: AWS_REGION, else us-east-1)')
    .option('--suite <glob>', 'only suites or case ids matching these globs (comma-separated)')
    .option('--shard <K/N>', 'only the K-th of N balanced shares of the selected suites (their goldens are files of their own)')
    .option('--golden-dir <dir>', 'where goldens live (default fixtures/golden)')
    .option('--list', 'list the selected cases (id, suite, title) and stop: nothing is started')
    .option('--quiet', 'print the summary only: no line per case, no progress line')
    .option('--weather <name|file>', "run the reference emulator in AWS's weather: aws (emulator/weather/profiles/aws.json) or a JSON profile (default calm: none)")
    .option('--seed <n>', 'seed of the weather: the same seed gives the same weather (default 1)')
    .option('--weather-scale <f>', "multiply every weather duration by f (1 is AWS's pace, the default)")
    .action(async (opts) => {
      code = await controlled(io, limitsFrom(opts), (control) => recordCommand({ ...opts, control }, io));
    });

  withLimits(program.command('conformance'), '3h')
    .description('Run the contract on several targets and write a cases × targets matrix.')
    .option('--targets <list>', 'comma-separated targets', 'reference,moto,cognito-local')
    .option('--region <region>', 'region to run in (default: AWS_REGION, else us-east-1)')
    .option('--suite <glob>', 'only suites or case ids matching these globs (comma-separated)')
    .option('--report-dir <dir>', 'where conformance.{json,md,html} and <target>/ reports go', 'reports')
    .option('--baseline <name>', 'golden set to compare with (default: aws when recorded, else reference)')
    .option('--max-golden-age <days>', 'report goldens last validated longer ago than this as stale', '30')
    .option('--golden-dir <dir>', 'where goldens live (default fixtures/golden)')
    .option('--json', 'print the conformance matrix (conformance.json) to stdout; case lines go to stderr')
    .option('--list', 'list the selected cases (id, suite, title) and stop: nothing is started')
    .option('--quiet', 'print the summary only: no line per case, no progress line')
    .action(async (opts) => {
      code = await controlled(io, limitsFrom(opts), (control) => conformanceCommand({ ...opts, control }, io));
    });

  const flow = program
    .command('flow')
    .description('Run one flow step by step and show the tokens, the role chosen and when the credentials expire.')
    .argument('[name]')
    .action((name?: string) => {
      // Reached only when no flow subcommand matched.
      if (name === undefined) flow.help();
      throw new UsageError(`Unknown flow '${name}'. Expected one of: ${flow.commands.map((c) => c.name()).join(', ')}.`);
    });
  const flowCommand = (name: string, description: string) =>
    withLimits(flow.command(name), '15m')
      .description(description)
      .option('--target <name>', 'reference (default), aws, or any name with --endpoint', 'reference')
      .option('--endpoint <url>', 'an emulator already running at this URL')
      .option('--region <region>', 'region to run in (default: AWS_REGION, else us-east-1)')
      .option('--username <name>', 'user to sign in as', 'alice')
      .option('--keep', 'keep throwaway resources (and a reference emulator) instead of deleting them')
      .option('--json', 'print the recorded steps as JSON (redacted)');
  flowCommand('enhanced', 'Sign in, GetId, GetCredentialsForIdentity, GetCallerIdentity: on throwaway resources, or yours.')
    .option('--groups <list>', 'throwaway user only: groups to put the user in (admin, editor)', 'admin')
    .option('--user-pool-id <id>', 'existing resources: the user pool')
    .option('--client-id <id>', 'existing resources: an app client allowing USER_PASSWORD_AUTH')
    .option('--identity-pool-id <id>', 'existing resources: the identity pool')
    .option('--password-env <var>', "existing resources: environment variable holding the user's password", 'IDCHAIN_PASSWORD')
    .option('--custom-role-arn <arn>', 'ask GetCredentialsForIdentity for this role')
    .action(async (opts) => {
      code = await controlled(io, limitsFrom(opts), (control) => runFlow({ ...opts, name: 'enhanced', control }, io));
    });
  flowCommand('saml', 'idchain as a SAML identity provider: a signed assertion exchanged with AssumeRoleWithSAML.')
    .option('--duration-seconds <n>', 'the DurationSeconds to ask STS for')
    .option('--session-duration <n>', "the assertion's SessionDuration attribute")
    .action(async (opts) => {
      code = await controlled(io, limitsFrom(opts), (control) => runFlow({ ...opts, name: 'saml', control }, io));
    });
  flowCommand('web-identity', "A user pool's ID token straight to AssumeRoleWithWebIdentity through an IAM OIDC provider.")
    .option('--duration-seconds <n>', 'the DurationSeconds to ask STS for')
    .action(async (opts) => {
      code = await controlled(io, limitsFrom(opts), (control) => runFlow({ ...opts, name: 'web-identity', control }, io));
    });

  withLimits(program.command('sweep'), '30m')
    .description('Delete what earlier runs left behind: each ledger where it says, then by the idchain- prefix and age; every deletion confirmed.')
    .requiredOption('--target <name>', 'whose ledgers to sweep: reference, aws, moto, … or the name a run gave with --endpoint')
    .option('--endpoint <url>', "only ledgers of this endpoint, and look there for idchain- resources no ledger names (keys: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY)")
    .option('--region <region>', "only ledgers of this region, and where to look by prefix (default: AWS_REGION, else us-east-1)")
    .option('--older-than <duration>', 'by prefix, only resources at least this old: 0s, 30m, 2h, 1d (ledgers are swept whatever their age)', '2h')
    .option('--dry-run', 'say what would be deleted and delete nothing')
    .action(async (opts) => {
      code = await controlled(io, limitsFrom(opts), (control) => sweepCommand({ ...opts, control }, io));
    });

  withLimits(program.command('doctor'), '10m')
    .description('Check that a run can start: credentials, account, Region, endpoints, permissions, quotas, leftovers.')
    .option('--target <name>', 'aws (default), reference, or any name with --endpoint', 'aws')
    .option('--endpoint <url>', 'an emulator already running at this URL')
    .option('--region <region>', 'region to check (default: AWS_REGION)')
    .option('--as-runner', 'reference only: check as the CI runner role made from ci/aws/runner-policy.json')
    .option('--permissions-boundary <arn>', 'boundary created roles and users carry (default on aws: IDCHAIN_PERMISSIONS_BOUNDARY)')
    .action(async (opts) => {
      code = await controlled(io, limitsFrom(opts), (control) => doctorCommand({ ...opts, control }, io));
    });

  program
    .command('merge-reports')
    .description("Merge the reports of a run's shards (run --shard 1/N … N/N) into one, every case exactly once.")
    .argument('<dir...>', "each shard's report dir (holding <target>/report.json), its <target>/ folder, or its report.json")
    .requiredOption('--out <dir>', 'where the merged <target>/report.{json,md,html} and junit.xml go')
    .option('--json', 'print the merged report.json to stdout')
    .action(async (dirs: string[], opts) => {
      code = await mergeReportsCommand({ dirs, out: opts.out, json: opts.json }, io);
    });

  program
    .command('emulator')
    .description('Run the reference emulator alone, for any SDK or app to use.')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0 = any free port)', '4566')
    .option('--region <region>', 'region the emulator answers for', 'us-east-1')
    .option('--credentials <AK:SK>', "fix the administrator's keys, e.g. test:test (default: IDCHAIN_EMULATOR_CREDENTIALS, else fresh each start)")
    .addOption(new Option('--print-env <format>', 'print only the client environment (AWS_ENDPOINT_URL, region, keys), then release stdout').choices(['shell', 'json']))
    .option('--weather <name|file>', "AWS's weather: calm (none), aws (emulator/weather/profiles/aws.json) or a JSON profile file", 'calm')
    .option('--seed <n>', 'seed of the weather: the same seed and calls give the same weather', '1')
    .option('--weather-scale <f>', "multiply every weather duration by f (1 is AWS's pace; 0.01 is 100 times faster)", '1')
    .action(async (opts) => {
      code = await emulatorCommand(
        {
          host: opts.host,
          port: Number(opts.port),
          region: opts.region,
          credentials: opts.credentials,
          printEnv: opts.printEnv,
          weather: opts.weather,
          seed: opts.seed,
          weatherScale: opts.weatherScale,
        },
        io,
      );
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through exitOverride with exit code 0.
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof IdchainError) {
      io.err(`idchain: ${err.message}`);
      return err.exitCode;
    }
    io.err(`idchain: unexpected failure: ${(err as Error)?.stack ?? String(err)}`);
    return 1;
  }
}
