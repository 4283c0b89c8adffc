#!/usr/bin/env node
/**
 * The one test command: type-check, lint, unit and integration tests, and the
 * conformance suites. Runs every step even when one fails, then prints
 * `N passed, N failed` over all of them.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, '.test-results');
const specs = path.resolve(root, '../shared/spec');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
let passed = 0;
let failed = 0;

function step(title, command, args, count) {
  console.log(`\n── ${title}`);
  const run = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  process.stdout.write(run.stdout ?? '');
  const ok = run.status === 0;
  const counted = count?.(run.stdout ?? '');
  if (counted) {
    passed += counted.passed;
    failed += counted.failed;
    if (!ok && counted.failed === 0) failed++;
  } else if (ok) passed++;
  else failed++;
  console.log(`── ${title}: ${ok ? 'ok' : `FAILED (exit ${run.status ?? run.signal})`}`);
}

function vitestCounts() {
  try {
    const report = JSON.parse(readFileSync(path.join(results, 'vitest.json'), 'utf8'));
    return { passed: report.numPassedTests, failed: report.numFailedTests };
  } catch {
    return undefined;
  }
}

function lastCountLine(stdout) {
  const match = [...stdout.matchAll(/^(\d+) passed, (\d+) failed$/gm)].at(-1);
  return match ? { passed: Number(match[1]), failed: Number(match[2]) } : undefined;
}

step('type-check (tsc --noEmit)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
step('type-check console (tsc --noEmit, DOM and JSX)', bin('tsc'), ['--noEmit', '-p', 'packages/console']);
step('type-check sdk-web as browsers see it (tsc --noEmit, DOM, no Node)', bin('tsc'), ['--noEmit', '-p', 'packages/sdk-web']);
step('lint (eslint)', bin('eslint'), ['--max-warnings=0', '.']);
step('tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(results, 'vitest.json')}`], vitestCounts);
step('conformance: evaluation', bin('tsx'), ['--conditions=dial-source', 'scripts/conformance.ts', path.join(specs, 'evaluation')], lastCountLine);
step('conformance: stats', bin('tsx'), ['--conditions=dial-source', 'scripts/conformance.ts', path.join(specs, 'stats')], lastCountLine);

console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
