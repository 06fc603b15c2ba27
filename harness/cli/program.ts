import { Command, CommanderError, Option } from 'commander';
import { IdchainError, UsageError } from '../errors';
import { HARNESS_VERSION } from '../version';
import type { CliIo } from './io';
import { runCommand, emulatorCommand, recordCommand, sweepCommand, flowCommand as runFlow, conformanceCommand } from './commands/lazy';

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

  program
    .command('run')
    .description('Run the contract against one target and write reports.')
    .option('--target <name>', 'reference (built-in, default), aws, or any name with --endpoint', 'reference')
    .option('--endpoint <url>', 'use an emulator already running at this URL')
    .option('--region <region>', 'region to run in (default: AWS_REGION, else us-east-1)')
    .option('--suite <glob>', 'only suites or case ids matching this glob (comma-separated globs allowed)')
    .option('--report-dir <dir>', 'where <target>/report.{json,md,html} and junit.xml go', 'reports')
    .option('--baseline <name>', 'golden set to compare with (default: aws when recorded, else reference)')
    .option('--max-golden-age <days>', 'report goldens last validated longer ago than this as stale', '30')
    .option('--golden-dir <dir>', 'where goldens live (default fixtures/golden)')
    .option('--json', 'print report.json to stdout instead of the summary table')
    .addOption(
      // Names are checked when the emulator starts (an unknown one exits 2), so --help need not load the emulator.
      new Option('--mutant <name...>', 'start the reference emulator with a deliberate fault (for testing idchain itself)').hideHelp(),
    )
    .action(async (opts) => {
      code = await runCommand(opts, io);
    });

  program
    .command('record')
    .description("Run the cases on a target and write its answers as that target's goldens.")
    .requiredOption('--target <name>', 'reference, aws, or any name with --endpoint')
    .option('--endpoint <url>', 'use an emulator already running at this URL')
    .option('--region <region>', 'region to run in (default: AWS_REGION, else us-east-1)')
    .option('--suite <glob>', 'only suites or case ids matching this glob')
    .option('--golden-dir <dir>', 'where goldens live (default fixtures/golden)')
    .action(async (opts) => {
      code = await recordCommand(opts, io);
    });

  program
    .command('conformance')
    .description('Run the contract on several targets and write a cases × targets matrix.')
    .option('--targets <list>', 'comma-separated targets', 'reference,moto,cognito-local')
    .option('--suite <glob>', 'only suites or case ids matching this glob')
    .option('--report-dir <dir>', 'where conformance.{json,md,html} and <target>/ reports go', 'reports')
    .option('--baseline <name>', 'golden set to compare with (default: aws when recorded, else reference)')
    .option('--max-golden-age <days>', 'report goldens last validated longer ago than this as stale', '30')
    .option('--golden-dir <dir>', 'where goldens live (default fixtures/golden)')
    .action(async (opts) => {
      code = await conformanceCommand(opts, io);
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
    flow
      .command(name)
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
      code = await runFlow({ ...opts, name: 'enhanced' }, io);
    });
  flowCommand('saml', 'idchain as a SAML identity provider: a signed assertion exchanged with AssumeRoleWithSAML.')
    .option('--duration-seconds <n>', 'the DurationSeconds to ask STS for')
    .option('--session-duration <n>', "the assertion's SessionDuration attribute")
    .action(async (opts) => {
      code = await runFlow({ ...opts, name: 'saml' }, io);
    });
  flowCommand('web-identity', "A user pool's ID token straight to AssumeRoleWithWebIdentity through an IAM OIDC provider.")
    .option('--duration-seconds <n>', 'the DurationSeconds to ask STS for')
    .action(async (opts) => {
      code = await runFlow({ ...opts, name: 'web-identity' }, io);
    });

  program
    .command('sweep')
    .description('Delete resources earlier runs left behind: by ledger, then by the idchain- prefix and age.')
    .option('--target <name>', 'aws, or any name with --endpoint', 'reference')
    .option('--endpoint <url>', 'an emulator already running at this URL')
    .option('--region <region>', 'region to sweep (default: AWS_REGION, else us-east-1)')
    .option('--older-than <duration>', 'only resources (and ledgers) at least this old: 2h, 30m, 1d, 0', '2h')
    .option('--dry-run', 'list what would be deleted and delete nothing')
    .action(async (opts) => {
      code = await sweepCommand(opts, io);
    });

  program
    .command('emulator')
    .description('Run the reference emulator alone, for any SDK or app to use.')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0 = any free port)', '4566')
    .option('--region <region>', 'region the emulator answers for', 'us-east-1')
    .option('--credentials <AK:SK>', "fix the administrator's keys, e.g. test:test (default: IDCHAIN_EMULATOR_CREDENTIALS, else fresh each start)")
    .addOption(new Option('--print-env <format>', 'print only the client environment (AWS_ENDPOINT_URL, region, keys), then release stdout').choices(['shell', 'json']))
    .action(async (opts) => {
      code = await emulatorCommand({ host: opts.host, port: Number(opts.port), region: opts.region, credentials: opts.credentials, printEnv: opts.printEnv }, io);
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
