/**
 * Door 3: the `opsdeck` command. Non-interactive when OPSDECK_PASSPHRASE is set, prompting on a
 * terminal otherwise. Exit code 0 on success; on any error one line on stderr and a non-zero code.
 */
import { Command, CommanderError } from 'commander';
import { OpsError } from '../shared/model';
import { registerCheckCommands } from './cli/checks';
import { EXIT } from './cli/exit-codes';
import { registerHostCommands } from './cli/hosts';
import { registerCredentialCommands, registerGroupCommands } from './cli/inventory';
import { registerServeCommand } from './cli/serve';
import type { GlobalOptions } from './cli/session';
import { registerTerminalCommands } from './cli/terminals';
import { registerTransferCommands } from './cli/transfer';
import { registerVaultCommands } from './cli/vault';

function exitCodeFor(e: OpsError): number {
  if (e.code === 'WRONG_PASSPHRASE' || e.code === 'VAULT_LOCKED' || e.code === 'KDF_TOO_WEAK') return EXIT.locked;
  if (e.code === 'NOT_FOUND' || e.code === 'VAULT_MISSING') return EXIT.notFound;
  if (e.code === 'VALIDATION' || e.code === 'DUPLICATE' || e.code === 'KEY_FILE') return EXIT.usage;
  return EXIT.error;
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('opsdeck')
    .description('OpsDeck: agentless operations over SSH, with an encrypted local inventory.')
    .option('--vault <path>', 'vault file (default: $OPSDECK_VAULT or the per-user app data folder)')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ outputError: (str, write) => write(str.startsWith('error:') ? `opsdeck: ${str.slice(7)}` : str) })
    .addHelpText(
      'after',
      `
Environment:
  OPSDECK_VAULT            vault path (same as --vault)
  OPSDECK_PASSPHRASE       vault passphrase; without it the CLI asks on the terminal
  OPSDECK_NEW_PASSPHRASE   new passphrase for \`vault passwd\` (and \`vault init\` asks twice without it)
  OPSDECK_KEY_PASSPHRASE   passphrase of a private key file given with --key
  OPSDECK_SECRET           password for \`cred add NAME --password\`

Exit codes: 0 ok, 1 error, 2 invalid input, 3 wrong passphrase or locked, 4 not found,
5 a deep check where some host did not fully succeed.`,
    )
    .exitOverride();
  const global = () => program.opts<GlobalOptions>();
  registerVaultCommands(program, global);
  registerHostCommands(program, global);
  registerCredentialCommands(program, global);
  registerGroupCommands(program, global);
  registerCheckCommands(program, global);
  registerTransferCommands(program, global);
  registerTerminalCommands(program, global);
  registerServeCommand(program, global);
  for (const cmd of program.commands) cmd.exitOverride().showHelpAfterError('(run with --help for usage)');
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    // A command may set its own code (check: 5 when a host did not fully succeed).
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit 0; usage errors were already printed by commander.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof OpsError) {
      process.stderr.write(`opsdeck: ${e.message}\n`);
      return exitCodeFor(e);
    }
    process.stderr.write(`opsdeck: unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.error;
  }
}

process.exitCode = await main(process.argv.slice(2));
