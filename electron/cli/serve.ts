/** `opsdeck serve`: door 2 from the command line. */
import type { Command } from 'commander';
import { OpsError } from '../../shared/model';
import { resolveVaultPath } from '../core/paths';
import { startServer } from '../serve';
import type { GlobalOptions } from './session';

export const DEFAULT_PORT = 7373;

export function registerServeCommand(program: Command, global: () => GlobalOptions): void {
  program
    .command('serve')
    .description('run OpsDeck in your browser: serves the app and its API on 127.0.0.1 with a secret token')
    .option('--port <port>', `port on 127.0.0.1 (0 = any free port)`, String(DEFAULT_PORT))
    .action(async (flags: { port: string }) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new OpsError('VALIDATION', `--port must be 0..65535, not "${flags.port}".`);
      const server = await startServer({ path: resolveVaultPath(global().vault), port }).catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'EADDRINUSE')
          throw new OpsError('VALIDATION', `Port ${port} is in use (another OpsDeck?). Use --port 0 for any free port.`);
        throw e;
      });
      process.stdout.write(`OpsDeck is running at ${server.url}\n`);
      process.stdout.write(`Vault: ${server.core.vault.path}. Press Ctrl+C to stop.\n`);
      const stop = () => {
        void server.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await new Promise(() => undefined);
    });
}
