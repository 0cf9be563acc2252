#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import { sourceKinds } from '../protocol/index.js';
import { defaultAuthProbes, defaultRegistrations } from '../run/runOptions.js';
import { exitCodes, UsageError } from '../run/usageError.js';
// Each command's module is imported when the command runs: a run does not load the Pact tooling, nor `contracts`
// the runner (a quarter of a second each).
import { integerIn, profileName, selectorsArgument, shardSpec } from './argParsers.js';

const program = new Command('wa-account-conformance')
  .description(
    'Conformance suite for the WhatsApp Business API On-Premises account registration API (POST /v1/account)',
  )
  .exitOverride()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

/** What says where the target is and how to act on it: the run and `contracts verify` take the same. */
function targetOptions(command: Command): Command {
  return command
    .option('--target <url>', 'base URL of the implementation under test (default: the embedded reference)')
    .addOption(
      new Option('--profile <name>', 'sunset (registration refused, 1005) or legacy (201/202 flow)').argParser(
        profileName,
      ),
    )
    .option('--user <name>', 'admin user name (default: admin)')
    .option('--password <password>', 'admin password (better: WA_CONFORMANCE_PASSWORD)')
    .option('--token <token>', 'admin bearer token instead of a password (better: WA_CONFORMANCE_TOKEN)')
    .option(
      '--config <file>',
      'JSON configuration file (schemas/conformance-config.schema.json): target, auth, numbers',
    )
    .option(
      '--state-change-url <url>',
      "a Pact provider-state change URL: the suite POSTs {state, params, action} to set a number's state",
    )
    .option(
      '--hooks <file>',
      'a hooks module (.mjs/.js): stateHandlers like Pact JS, and sentCode({cc, phone_number, method, requestedAt})',
    )
    .option('--insecure', 'accept any TLS certificate from the target')
    .option('--ca <file>', 'PEM file of a private certificate authority to trust')
    .option('--client-cert <file>', 'PEM client certificate, for a target that asks for one (with --client-key)')
    .option('--client-key <file>', 'PEM key of the client certificate')
    .addOption(
      new Option('--max-body-bytes <n>', 'read at most this many bytes of an answer (default 1048576)').argParser(
        integerIn('--max-body-bytes', 1024, 1024 ** 3),
      ),
    )
    .option('--allow-side-effects', 'let tests make a non-loopback target send a registration code or change a PIN')
    .addOption(
      new Option('--timeout <ms>', 'per-request timeout in milliseconds (default 10000)').argParser(
        integerIn('--timeout', 100, 600_000),
      ),
    );
}

/** Where the Pact Broker is and how to log in: publish and verify take the same. */
function brokerConnection(command: Command): Command {
  return command
    .option('--broker-url <url>', 'the Pact Broker base URL')
    .option('--broker-token <token>', 'bearer token (better: PACT_BROKER_TOKEN)')
    .option('--broker-username <name>', 'basic auth user (or PACT_BROKER_USERNAME)')
    .option('--broker-password <password>', 'basic auth password (better: PACT_BROKER_PASSWORD)');
}

targetOptions(program.command('run', { isDefault: true }))
  .description('run the suite against --target, or against the embedded reference when no target is given')
  .option('--non-admin <name>', 'a non-admin account, for the role checks')
  .option('--non-admin-password <password>', 'its password (better: WA_CONFORMANCE_USER_PASSWORD)')
  .option('--report-dir <dir>', 'where junit.xml and report.json go (default: ./conformance-report)')
  .addOption(
    new Option('--seed <n>', 'seed of the generated requests, to replay a run').argParser(
      integerIn('--seed', 0, 2 ** 31 - 1),
    ),
  )
  .addOption(
    new Option('--runs <n>', 'generated requests per property (default 200)').argParser(
      integerIn('--runs', 1, 100_000),
    ),
  )
  .addOption(
    new Option(
      '--concurrency <n>',
      'the most generated requests in flight at once, where they are independent: a run starts at 4 and raises them while the target keeps its latency, halving them when it asks to wait (default 64; 1 sends one at a time)',
    ).argParser(integerIn('--concurrency', 1, 64)),
  )
  .option('--list', 'print the requirements with level and citation, and send nothing')
  .option('--grep <pattern>', 'only the requirements whose ID matches this regular expression (in a run and in --list)')
  .option(
    '--expected-failures <file>',
    'known FAILs of this target ({"expectedFailures": [{"id", "reason"}]}); a listed requirement that passes fails the run',
  )
  .addOption(new Option('--shard <i/n>', 'run part i of n (merge the parts with `merge`)').argParser(shardSpec))
  .addOption(
    new Option(
      '--workers <n>',
      'Playwright workers (default: 1, or 2 when the target answers in 20 ms or more, where a second worker overlaps the round trips of the first; the specs that register numbers always run one at a time)',
    ).argParser(integerIn('--workers', 1, 64)),
  )
  .addOption(
    new Option(
      '--budget <seconds>',
      'scale the generated cases to fit this time: each property sends its chosen cases and one of every category, then generated ones while its share lasts (without it: all --runs, the same every run)',
    ).argParser(integerIn('--budget', 1, 86_400)),
  )
  .addOption(
    new Option(
      '--max-time <seconds>',
      "the whole run's deadline: what it cuts short is SKIP, the report is written",
    ).argParser(integerIn('--max-time', 1, 86_400)),
  )
  .addOption(
    new Option(
      '--max-wait <seconds>',
      'the longest wait one answer may ask for (its Retry-After; default 5): longer asks are cut to it',
    ).argParser(integerIn('--max-wait', 0, 600)),
  )
  .addOption(
    new Option(
      '--interop <mode>',
      'real clients the answers would break, or whose requests are refused: reported apart (report, the default) or a WARN each (strict)',
    ).choices(['report', 'strict']),
  )
  .addOption(
    new Option(
      '--registrations <n>',
      `the most registrations a legacy run completes, each a Coreapp restart on a real cluster (default ${defaultRegistrations}, the fewest that judge every requirement; past it a check is SKIP)`,
    ).argParser(integerIn('--registrations', 0, 1000)),
  )
  .addOption(
    new Option(
      '--auth-probes <n>',
      `the most bad logins one run sends, to probe how credentials are checked (default ${defaultAuthProbes}; 0: none)`,
    ).argParser(integerIn('--auth-probes', 0, 100)),
  )
  .addOption(
    new Option(
      '--retries <n>',
      'how often one request is sent again when the target asks to wait or drops the connection (default 6; 0: never)',
    ).argParser(integerIn('--retries', 0, 100)),
  )
  .action(async (flags) => {
    // A run's first worker starts loading now, beside this process's loading and the checks before the run.
    const workers = flags.list ? undefined : await import('../run/playwrightRunner.js');
    workers?.prepareWorkers();
    try {
      const { runCommand } = await import('./runCommand.js');
      process.exitCode = await runCommand(flags);
    } finally {
      workers?.endWarmWorker();
    }
  });

targetOptions(program.command('init'))
  .description(
    'probe --target with requests that change nothing, ask at a terminal for what the probes cannot find, and write a configuration file; then say how deep a run with it goes',
  )
  .option('--non-admin <name>', 'a non-admin account, for the role checks (its password: WA_CONFORMANCE_USER_PASSWORD)')
  .option('--out <file>', 'the configuration file to write (default: conformance.json)')
  .option('--force', 'replace the file if it exists')
  .action(async (options) => {
    const { initCommand } = await import('./initCommand.js');
    process.exitCode = await initCommand(options);
  });

program
  .command('serve')
  .description(
    'run the reference implementation as an emulator, with the credentials and a configuration file for the suite',
  )
  .addOption(new Option('--profile <name>', 'sunset or legacy').argParser(profileName).default('sunset'))
  .addOption(
    new Option('--port <n>', 'port to listen on (default: any free port)')
      .argParser(integerIn('--port', 0, 65535))
      .default(0),
  )
  .option('--host <address>', 'address to listen on', '127.0.0.1')
  .option('--config-out <file>', 'also write the configuration file for the suite here')
  .addOption(
    new Option(
      '--sources <kind>',
      'how the suite reaches state and codes: control (the control protocol), or with it off: header, inbox, command, hooks, fixed',
    )
      .choices(sourceKinds)
      .default('control'),
  )
  .option(
    '--no-control',
    'the control protocol off, codes in a response header and states through a Pact state-change URL (same as --sources header)',
  )
  .action(async (options) => {
    const { serveCommand } = await import('./serveCommand.js');
    process.exitCode = await serveCommand({
      ...options,
      sources: options.control === false && options.sources === 'control' ? 'header' : options.sources,
    });
  });

const contracts = program
  .command('contracts')
  .description('Pact contracts generated from the schemas: verify a target, publish to a Pact Broker');
brokerConnection(targetOptions(contracts.command('verify')))
  .description(
    "verify --target (or the embedded reference) against the profile's contract with the Pact Verifier, or against the pacts a Pact Broker selects (--broker-url)",
  )
  .option('--provider <name>', "with --broker-url: the provider's name in the broker (default wa-onprem-account-api)")
  .addOption(
    new Option(
      '--consumer-version-selectors <json>',
      'with --broker-url: which pacts, as a JSON array (https://docs.pact.io/selectors); default [{"mainBranch":true},{"deployedOrReleased":true}]',
    ).argParser(selectorsArgument),
  )
  .option('--main-branch', "with --broker-url: select the pacts of each consumer's main branch")
  .option('--branch <branch>', 'with --broker-url: select the latest pact of this consumer branch')
  .option('--deployed-or-released', 'with --broker-url: select the pacts of the consumer versions deployed or released')
  .option(
    '--enable-pending',
    'with --broker-url: a pact this provider has never verified reports failures without failing',
  )
  .option(
    '--include-wip-pacts-since <date>',
    'with --enable-pending: verify work-in-progress pacts published since YYYY-MM-DD, as pending',
  )
  .option(
    '--publish-verification-results',
    'with --broker-url: publish the results to the broker (needs --provider-app-version)',
  )
  .option('--provider-app-version <version>', 'the provider version the results are published for')
  .option('--provider-branch <branch>', 'the provider branch: published with the results, and what decides pending')
  .action(async (options) => {
    const { contractsVerifyCommand } = await import('./contractsCommand.js');
    process.exitCode = await contractsVerifyCommand(options);
  });
brokerConnection(contracts.command('publish'))
  .description("publish the profile's contract with `pact-broker publish` (pact-cli)")
  .requiredOption('--consumer-app-version <version>', 'the consumer version the contract belongs to')
  .option('--branch <branch>', 'the consumer branch')
  .option('--tag <tag...>', 'tags for the consumer version')
  .addOption(new Option('--profile <name>', "which profile's contract").argParser(profileName).default('sunset'))
  .action(async (options) => {
    const { contractsPublishCommand } = await import('./contractsCommand.js');
    process.exitCode = await contractsPublishCommand(options);
  });

program
  .command('merge')
  .description('merge the report directories of sharded runs into one report')
  .argument('<dirs...>', 'report directories of the shards')
  .option('--report-dir <dir>', 'where the merged report goes (default: ./conformance-report)')
  .option('--expected-failures <file>', 'known FAILs, as for a run')
  .action(async (dirs: string[], options) => {
    const { mergeCommand } = await import('./mergeCommand.js');
    process.exitCode = mergeCommand(dirs, options);
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // commander has printed its one-line message; --help and --version are not errors.
    process.exitCode = error.exitCode === 0 ? exitCodes.pass : exitCodes.usage;
    if (error.exitCode !== 0 && !['serve', 'contracts', 'merge', 'init'].includes(process.argv[2] ?? '')) {
      // The report files say it too; the error itself commander has printed already.
      const { stopped } = await import('./runCommand.js');
      stopped(flagsOf(process.argv.slice(2)), new UsageError(error.message.replace(/^error: /, '')));
    }
  } else if (error instanceof UsageError) {
    console.error(`wa-account-conformance: ${error.message}`);
    process.exitCode = exitCodes.usage;
  } else {
    console.error(`wa-account-conformance: internal error: ${(error as Error).message ?? String(error)}`);
    process.exitCode = exitCodes.usage;
  }
}

/** The files a run whose flags commander refused is to report in, read from its arguments as written. */
function flagsOf(argv: string[]): { reportDir?: string; config?: string; target?: string } {
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
  };
  return { reportDir: value('--report-dir'), config: value('--config'), target: value('--target') };
}
