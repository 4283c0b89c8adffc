/**
 * Child process for one heap figure: `heap-child.ts <system id> <flag count>`.
 * Prints `{"bytes":N}`: heap used once the system holds the flags and has
 * evaluated each of them as a live server would, minus heap used before, both
 * after full collections.
 */
import { EVALUATIONS_PER_FLAG } from './heap.js';
import { systemById } from './systems/index.js';
import type { Engine, FlagSpec, System } from './system.js';
import { buildUsers, type User } from './users.js';
import { mulberry32 } from './rng.js';

async function settledHeap(): Promise<number> {
  const gc = globalThis.gc;
  if (gc === undefined) throw new Error('run node with --expose-gc');
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  }
  return process.memoryUsage().heapUsed;
}

/** Loads `count` rules flags and evaluates each; the specs are garbage once this returns. */
async function load(system: System, prefix: string, count: number, users: readonly User[]): Promise<Engine> {
  const flags: FlagSpec[] = Array.from({ length: count }, (_, n) => ({ key: `${prefix}${n}`, shape: 'rules' }));
  const engine = await system.open(flags, users);
  for (const flag of flags) {
    for (let i = 0; i < EVALUATIONS_PER_FLAG; i++) await engine.evaluateEach(flag.key);
  }
  return engine;
}

async function main(id: string, count: number): Promise<void> {
  process.env.NODE_ENV ??= 'production';
  const system = systemById(id);
  const users = buildUsers(1, mulberry32(1));
  // A full dress rehearsal first, so module loading, compiled code and grown caches are not counted.
  const rehearsal = await load(system, 'warm-flag-', count, users);
  await rehearsal.close();
  const before = await settledHeap();
  const engine = await load(system, 'rules-flag-', count, users);
  const after = await settledHeap();
  console.log(JSON.stringify({ bytes: after - before }));
  await engine.close();
}

const [id, count] = process.argv.slice(2);
main(id ?? '', Number(count ?? 1000)).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
