/**
 * Runs every `*.json` conformance suite in a folder against the core engine.
 *
 *   npm run conformance -- ../shared/spec/evaluation
 *   npm run conformance -- ../shared/spec/stats
 *
 * Prints one line per suite, then `N passed, N failed` (counting cases), and
 * exits non-zero on any failure.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { coreRunners, runSuite } from '@dial/core/conformance';

function main(args: string[]): number {
  const dir = args[0];
  if (dir === undefined) {
    console.error('usage: npm run conformance -- <folder of *.json suites>');
    return 2;
  }
  const folder = resolve(dir);
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`not a folder: ${folder}`);
    return 2;
  }
  const files = readdirSync(folder).filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) {
    console.error(`no *.json suites in ${folder}`);
    return 2;
  }
  let passed = 0;
  let failed = 0;
  for (const file of files) {
    let suite: unknown;
    try {
      suite = JSON.parse(readFileSync(join(folder, file), 'utf8'));
    } catch (error) {
      console.log(`FAIL ${file}: cannot read: ${String(error)}`);
      failed++;
      continue;
    }
    const report = runSuite(suite, coreRunners);
    passed += report.passed;
    failed += report.failures.length;
    const status = report.failures.length === 0 ? 'ok  ' : 'FAIL';
    const title = report.name === '?' ? report.kind : `${report.kind} "${report.name}"`;
    console.log(`${status} ${file} (${title}): ${report.passed} passed, ${report.failures.length} failed`);
    for (const failure of report.failures.slice(0, 20)) console.log(`       ${failure}`);
    if (report.failures.length > 20) console.log(`       … and ${report.failures.length - 20} more`);
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
