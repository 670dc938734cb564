// Child process for the crash test: adds hosts one committed write at a time and reports each
// commit on stdout, until it is killed with SIGKILL by the test.
import { Core } from '../../../electron/core/api';

const [path, passphrase] = process.argv.slice(2) as [string, string];
const core = new Core({ path, insecureTestKdf: true });
await core.invoke('vault.unlock', { passphrase });
for (let i = 0; ; i++) {
  await core.invoke('hosts.add', {
    name: `crash-${i}`,
    address: `10.1.${Math.floor(i / 250)}.${i % 250}`,
    tags: ['crash'],
    notes: 'x'.repeat(2000),
  });
  process.stdout.write(`${i}\n`);
}
