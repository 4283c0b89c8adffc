/**
 * `npm run bench:evaluation`: evaluation speed of Dial's core against four peer
 * flag engines and a hand-written function, plus heap held per 1,000 flags.
 * Prints tables, then one JSON line as the very last line. Saves nothing.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { EVALUATIONS_PER_FLAG, HEAP_FLAGS, HEAP_RUNS, heapOf, type HeapFigure } from './heap.js';
import { median, race, type Contender, type Schedule } from './measure.js';
import { firstDifference, judge, type Verdict } from './plausibility.js';
import { evalsPerSecond, megabytes, percent, ratio, rounded, table } from './report.js';
import { mulberry32 } from './rng.js';
import type { FlagSpec, System } from './system.js';
import { SYSTEMS } from './systems/index.js';
import { buildUsers, type User } from './users.js';

// Servers run in production mode; GrowthBook skips its debug logging then.
process.env.NODE_ENV ??= 'production';

const CONTEXTS = 10_000;
const SEED = 20_240_601;
const RULES: FlagSpec = { key: 'rules-flag', shape: 'rules' };
const TRIVIAL: FlagSpec = { key: 'simple-flag', shape: 'trivial' };
const DIAL_ID = 'dial';
const LIMIT_ID = 'hand-written';

interface Row {
  readonly system: System;
  readonly verdict: Verdict;
  readonly perRound?: readonly number[];
}

interface CaseResult {
  readonly rows: readonly Row[];
  readonly checksum: number;
}

function collectGarbage(): void {
  const gc = globalThis.gc;
  if (gc === undefined) throw new Error('run node with --expose-gc (npm run bench does)');
  gc();
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Opens every system on one flag, checks its answers, and races those that pass. */
async function runCase(flag: FlagSpec, users: readonly User[], schedule: Schedule): Promise<CaseResult> {
  const verdicts = new Map<string, Verdict>();
  const answers = new Map<string, boolean[]>();
  const contenders: Contender[] = [];
  for (const system of SYSTEMS) {
    try {
      const engine = await system.open([flag], users);
      const results = await engine.evaluateEach(flag.key);
      answers.set(system.id, results);
      const verdict = judge(flag.shape, users, results);
      verdicts.set(system.id, verdict);
      if (verdict.ok) contenders.push({ id: system.id, engine });
      else await engine.close();
    } catch (error) {
      verdicts.set(system.id, { ok: false, problem: `could not start: ${describe(error)}` });
    }
  }
  // Dial and the hand-written function share the bucketing, so they must agree user by user.
  const dial = answers.get(DIAL_ID);
  const limit = answers.get(LIMIT_ID);
  if (dial !== undefined && limit !== undefined) {
    const at = firstDifference(dial, limit);
    if (at >= 0) verdicts.set(DIAL_ID, { ok: false, problem: `differs from the hand-written function at ${users[at]?.key ?? at}` });
  }
  const plausible = contenders.filter(({ id }) => verdicts.get(id)?.ok === true);
  const timings = await race(plausible, flag.key, users.length, schedule, collectGarbage);
  for (const { engine } of contenders) await engine.close();
  let checksum = 0;
  const rows = SYSTEMS.map((system): Row => {
    const timing = timings.get(system.id);
    if (timing !== undefined) checksum += timing.checksum;
    const verdict = verdicts.get(system.id) ?? { ok: false, problem: 'not run' };
    return timing === undefined ? { system, verdict } : { system, verdict, perRound: timing.perRound };
  });
  return { rows, checksum };
}

function pinnedVersions(): Record<string, string> {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { dependencies?: Record<string, string> };
  return manifest.dependencies ?? {};
}

function versionOf(system: System, pinned: Record<string, string>): string {
  return system.npmPackage === undefined ? 'workspace' : (pinned[system.npmPackage] ?? '?');
}

function medianOf(row: Row | undefined): number | undefined {
  return row?.perRound === undefined ? undefined : median(row.perRound);
}

function speedTable(result: CaseResult, pinned: Record<string, string>, withRollout: boolean): string {
  const dial = medianOf(result.rows.find((row) => row.system.id === DIAL_ID));
  const rows = result.rows.map((row) => {
    const value = medianOf(row);
    const spread = row.perRound === undefined ? '' : `${evalsPerSecond(Math.min(...row.perRound))} … ${evalsPerSecond(Math.max(...row.perRound))}`;
    const cells = [
      row.system.label + (row.system.async ? ' (await)' : ''),
      versionOf(row.system, pinned),
      value === undefined ? '—' : evalsPerSecond(value),
      spread,
      value === undefined || dial === undefined ? '—' : ratio(value / dial),
      dial === undefined || value === undefined ? '—' : ratio(dial / value),
    ];
    if (withRollout) cells.push(row.verdict.rolloutOn === undefined ? '—' : percent(row.verdict.rolloutOn));
    cells.push(row.verdict.ok ? 'ok' : `IMPLAUSIBLE: ${row.verdict.problem ?? ''}`);
    return cells;
  });
  const columns = [
    { title: 'system', align: 'left' as const },
    { title: 'version', align: 'left' as const },
    { title: 'evals/s (median)', align: 'right' as const },
    { title: 'min … max of rounds', align: 'right' as const },
    { title: '÷ Dial', align: 'right' as const },
    { title: 'Dial is', align: 'right' as const },
    ...(withRollout ? [{ title: 'rollout on', align: 'right' as const }] : []),
    { title: 'check', align: 'left' as const },
  ];
  return table(columns, rows);
}

function heapTable(figures: readonly HeapFigure[], pinned: Record<string, string>): string {
  const rows = figures.map((figure) => {
    const system = SYSTEMS.find((candidate) => candidate.id === figure.id) as System;
    return [
      system.label,
      versionOf(system, pinned),
      figure.bytes === undefined ? '—' : megabytes(figure.bytes),
      figure.bytes === undefined ? '—' : `${(figure.bytes / HEAP_FLAGS / 1000).toFixed(2)} kB`,
      figure.problem ?? '',
    ];
  });
  return table(
    [
      { title: 'system', align: 'left' },
      { title: 'version', align: 'left' },
      { title: `heap, ${HEAP_FLAGS.toLocaleString('en-US')} flags`, align: 'right' },
      { title: 'per flag', align: 'right' },
      { title: '', align: 'left' },
    ],
    rows,
  );
}

function options(): Schedule {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '7' },
      'round-ms': { type: 'string', default: '400' },
      'warmup-ms': { type: 'string', default: '500' },
    },
  });
  const schedule = { rounds: Number(values.rounds), roundMs: Number(values['round-ms']), warmupMs: Number(values['warmup-ms']) };
  for (const [name, value] of Object.entries(schedule)) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  }
  return schedule;
}

async function main(): Promise<number> {
  const schedule = options();
  const pinned = pinnedVersions();
  const users = buildUsers(CONTEXTS, mulberry32(SEED));
  const share = (branch: User['branch']): string => percent(users.filter((user) => user.branch === branch).length / users.length);
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`Flag evaluation — Node ${process.version}, ${process.platform} ${process.arch}, ${cpu}, single thread`);
  console.log(
    `${CONTEXTS.toLocaleString('en-US')} pre-built contexts (seed ${SEED}): ${share('example-staff')} match rule 1, ` +
      `${share('eu-pro')} rule 2, ${share('rollout')} the rollout. Each system: ${schedule.warmupMs} ms warm-up, ` +
      `then ${schedule.rounds} round-robin rounds of ${schedule.roundMs} ms; figures are evals/s.`,
  );

  const rules = await runCase(RULES, users, schedule);
  console.log('\nRules flag: email endsWith "@example.com" → on; country in [DE, FR, NL] and plan = "pro" → on; else 50% rollout by user key');
  console.log(speedTable(rules, pinned, true));

  const trivial = await runCase(TRIVIAL, users, schedule);
  console.log('\nTrivial flag: no rules, always on');
  console.log(speedTable(trivial, pinned, false));

  const heapSystems = SYSTEMS.filter((system) => system.id !== LIMIT_ID);
  const heap = heapSystems.map((system) => heapOf(system.id));
  console.log(
    `\nHeap used holding ${HEAP_FLAGS.toLocaleString('en-US')} rules flags, each evaluated ${EVALUATIONS_PER_FLAG} times (after full GCs; ` +
      `median of ${HEAP_RUNS} fresh processes per system)`,
  );
  console.log(heapTable(heap, pinned));

  console.log('\nNotes:');
  console.log('- "÷ Dial" is the system\'s evals/s divided by Dial\'s (compiled.evaluate); "Dial is" is the inverse.');
  console.log('- @launchdarkly/node-server-sdk only has promise-returning evaluation (variation/variationDetail);');
  console.log('  its figure is for `await client.variation(key, context, false)` one evaluation at a time, so it includes a promise per call.');
  console.log('- Each system evaluates contexts pre-built in its own format (Dial flat; Unleash userId + properties;');
  console.log('  GrowthBook { attributes }; flagd targetingKey; LaunchDarkly kind "user"). GrowthBook has no "ends with" operator: its rule uses $regex.');
  console.log('- A system whose answers fail the check (rule matches all on, rollout 45–55% on) is not timed and not counted as fastest peer.');
  console.log(`- checksum of "on" results over all timed passes: ${rules.checksum + trivial.checksum}`);

  const dial = medianOf(rules.rows.find((row) => row.system.id === DIAL_ID));
  const handWritten = medianOf(rules.rows.find((row) => row.system.id === LIMIT_ID));
  const peers = rules.rows.filter((row) => row.system.peer && row.verdict.ok).map(medianOf);
  const fastestPeer = peers.reduce<number | undefined>((best, value) => (value !== undefined && (best === undefined || value > best) ? value : best), undefined);
  const summary = {
    bench: 'evaluation',
    dial: dial === undefined ? null : Math.round(dial),
    fastestPeer: fastestPeer === undefined ? null : Math.round(fastestPeer),
    ratio: dial === undefined || fastestPeer === undefined ? null : rounded(dial / fastestPeer, 2),
    handWritten: handWritten === undefined ? null : Math.round(handWritten),
    ofLimit: dial === undefined || handWritten === undefined ? null : rounded(dial / handWritten, 3),
  };
  console.log(JSON.stringify(summary));
  const dialFailed = [...rules.rows, ...trivial.rows].some((row) => !row.system.peer && row.system.id !== LIMIT_ID && !row.verdict.ok);
  return dialFailed ? 1 : 0;
}

main().then(
  // Some SDKs keep handles open after close(); the benchmark is done, so leave now.
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
