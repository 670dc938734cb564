// `npm run bench [-- --only NAME[,NAME]] [--json]`: each benchmark measures OpsDeck and a baseline
// doing comparable work in the same run and prints the ratio. Never part of `npm test`.
import { Command } from 'commander';
import type { Bench, BenchResult } from './types';
import { deepCheckFleet } from './deepcheck.bench';
import { terminalEchoUnderFlood, terminalThroughput, terminalYesMemory } from './terminal.bench';
import { cliList1000, hostsAdd1000, vaultUnlock } from './vault.bench';
import { mapRender } from './map.bench';

const all: Bench[] = [
  vaultUnlock,
  hostsAdd1000,
  cliList1000,
  deepCheckFleet,
  mapRender,
  terminalThroughput,
  terminalEchoUnderFlood,
  terminalYesMemory,
];

const program = new Command()
  .option('--only <names>', 'comma-separated benchmark names')
  .option('--json', 'one JSON object per line: {name, value, unit, baseline, ratio, goal, ok}')
  .option('--list', 'list the benchmarks')
  .parse(process.argv);
const opts = program.opts<{ only?: string; json?: boolean; list?: boolean }>();

if (opts.list) {
  for (const b of all) console.log(`${b.name.padEnd(24)} ${b.description}`);
  process.exit(0);
}

const only = opts.only?.split(',').map((s) => s.trim());
const chosen = only ? all.filter((b) => only.includes(b.name)) : all;
if (only && chosen.length !== only.length) {
  console.error(`unknown benchmark(s): ${only.filter((n) => !all.some((b) => b.name === n)).join(', ')} (see --list)`);
  process.exit(2);
}

let failed = false;
for (const b of chosen) {
  let r: BenchResult;
  try {
    r = await b.run();
  } catch (e) {
    console.error(`${b.name}: error: ${e instanceof Error ? e.message : String(e)}`);
    failed = true;
    continue;
  }
  if (!r.ok) failed = true;
  if (opts.json) console.log(JSON.stringify(r));
  else
    console.log(
      `${r.ok ? 'ok  ' : 'MISS'} ${r.name.padEnd(24)} ${String(r.value).padStart(8)} ${r.unit}  baseline ${r.baseline} ${r.unit}  ratio ${r.ratio}  goal: ${r.goal}${r.note ? `\n     ${r.note}` : ''}`,
    );
}
process.exit(failed ? 1 : 0);
