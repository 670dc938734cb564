// Integration tests need the test fleet. Bring it up once (idempotent; fast when already up) unless
// OPSDECK_SKIP_LAB=1, in which case tests that need it fail with a message saying so.
import { labUp } from '../fleet/index';

export default async function setup(): Promise<void> {
  if (process.env['OPSDECK_SKIP_LAB'] === '1') return;
  const started = Date.now();
  const status = await labUp();
  process.stdout.write(`[integration] test fleet up: ${status.hosts.length} hosts in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
