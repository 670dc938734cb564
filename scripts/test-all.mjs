// `npm test`: every suite, in order, against real parts: checks (types, lint, format), unit,
// integration on the test fleet, e2e in Chromium through the browser host, the Electron smoke
// test (skipped with a reason where there is no binary), then the lab comes down (always) and the
// teardown suite proves it left nothing behind. Ends with one line: "N passed, N failed[, N skipped]".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { systemPreflight } from './preflight.mjs';

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const only = process.argv.slice(2); // e.g. `npm test -- unit e2e` runs just those steps

mkdirSync('test-results', { recursive: true });

function wanted(step) {
  return only.length === 0 || only.includes(step);
}

function sh(cmd, args, env = {}) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return { code: r.status ?? 1, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

function banner(text) {
  console.log(`\n=== ${text} ===`);
}

/** A check that is one pass or one fail (typecheck, lint, build). */
function check(step, cmd, args) {
  if (!wanted(step)) return true;
  banner(step);
  const r = sh(cmd, args);
  if (r.code === 0) totals.passed++;
  else {
    totals.failed++;
    failures.push(step);
  }
  console.log(`--- ${step}: ${r.code === 0 ? 'ok' : 'FAILED'} in ${r.seconds} s`);
  return r.code === 0;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function vitest(project) {
  if (!wanted(project)) return;
  banner(`vitest ${project}`);
  const out = `test-results/${project}.json`;
  rmSync(out, { force: true });
  const r = sh('npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${out}`]);
  const j = readJson(out);
  if (!j) {
    totals.failed++;
    failures.push(`${project} (no results: the runner crashed, exit ${r.code})`);
    return;
  }
  totals.passed += j.numPassedTests;
  totals.failed += j.numFailedTests;
  totals.skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
  if (j.numFailedTests > 0 || r.code !== 0) failures.push(`${project}: ${j.numFailedTests} failed`);
  if (j.numFailedTests === 0 && r.code !== 0) totals.failed++; // a suite-level error with no failed test
  console.log(`--- ${project}: ${j.numPassedTests} passed, ${j.numFailedTests} failed in ${r.seconds} s`);
}

function playwright(step, config, env = {}) {
  if (!wanted(step)) return;
  banner(`playwright ${step}`);
  const out = `test-results/${step}.json`;
  rmSync(out, { force: true });
  const r = sh('npx', ['playwright', 'test', '-c', config], { PLAYWRIGHT_JSON_OUTPUT_NAME: out, ...env });
  const j = readJson(out);
  if (!j?.stats) {
    totals.failed++;
    failures.push(`${step} (no results: exit ${r.code})`);
    return;
  }
  const { expected = 0, unexpected = 0, skipped = 0, flaky = 0 } = j.stats;
  totals.passed += expected + flaky;
  totals.failed += unexpected;
  totals.skipped += skipped;
  if (unexpected > 0) failures.push(`${step}: ${unexpected} failed`);
  console.log(`--- ${step}: ${expected + flaky} passed, ${unexpected} failed, ${skipped} skipped in ${r.seconds} s`);
}

const pre = systemPreflight();
if (!pre.ok) {
  console.error(`\nCannot run the tests: ${pre.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

check('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
check('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
check('format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']);
const built = check('build', 'npm', ['run', '-s', 'build']);
vitest('unit');

const needsLab = ['integration', 'e2e'].some(wanted);
try {
  vitest('integration');
  if (built) playwright('e2e', 'test/e2e/playwright.config.ts');
  playwright('electron', 'test/electron/playwright.config.ts');
} finally {
  if (needsLab && process.env['OPSDECK_KEEP_LAB'] !== '1') {
    banner('lab down');
    const r = sh('npx', ['tsx', 'test/fleet/cli.ts', 'down']);
    if (r.code !== 0) {
      totals.failed++;
      failures.push('lab:down');
    }
    vitest('teardown');
  }
}

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 ? 1 : 0);
