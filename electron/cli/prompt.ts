/** Hidden-input prompts on a TTY. Secrets are never taken from argv (they would show in `ps`). */
import { createInterface } from 'node:readline';
import { OpsError } from '../../shared/model';

export function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) {
    return Promise.reject(
      new OpsError(
        'VALIDATION',
        `${question.replace(/:\s*$/, '')} is needed, but there is no terminal to ask on. Set it through the environment (see opsdeck --help).`,
      ),
    );
  }
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    // Mute echo: readline writes typed characters through _writeToOutput.
    const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WritableStream };
    let muted = false;
    out._writeToOutput = (s: string) => {
      if (!muted || s.includes(question)) out.output.write(s);
    };
    rl.on('SIGINT', () => {
      rl.close();
      process.stderr.write('\n');
      reject(new OpsError('VALIDATION', 'Cancelled.'));
    });
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

/** A secret from an environment variable, or asked for on the terminal. */
export async function secretFrom(envName: string, question: string): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return promptHidden(question);
}

export async function newPassphrase(envName: string): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv) return fromEnv;
  const first = await promptHidden('New passphrase: ');
  const second = await promptHidden('Repeat the new passphrase: ');
  if (first !== second) throw new OpsError('VALIDATION', 'The two passphrases differ. Nothing was changed.');
  return first;
}
