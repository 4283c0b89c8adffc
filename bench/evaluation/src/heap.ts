import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './measure.js';

export const HEAP_FLAGS = 1_000;

/** Calls per flag before measuring, enough that V8 has allocated the feedback and code a hot flag keeps. */
export const EVALUATIONS_PER_FLAG = 20;

/** Children per system; the median is reported, as one figure can be off by a few hundred kB. */
export const HEAP_RUNS = 3;

export interface HeapFigure {
  readonly id: string;
  /** Heap used by the engine holding the flags, in bytes; undefined when the child failed. */
  readonly bytes?: number;
  readonly problem?: string;
}

const CHILD = fileURLToPath(new URL('./heap-child.ts', import.meta.url));

function childRun(id: string, flags: number): number {
  const out = execFileSync(process.execPath, [...process.execArgv, CHILD, id, String(flags)], {
    encoding: 'utf8',
    timeout: 60_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const parsed = JSON.parse(out.trim().split('\n').at(-1) ?? '') as { bytes: unknown };
  if (typeof parsed.bytes !== 'number') throw new Error(`heap child printed ${out}`);
  return parsed.bytes;
}

/**
 * Heap used by one system holding `flags` rules flags, measured in fresh
 * child processes (same Node flags as this one) so nothing else lives on
 * their heaps; the median of {@link HEAP_RUNS} runs.
 */
export function heapOf(id: string, flags: number = HEAP_FLAGS): HeapFigure {
  try {
    const runs = Array.from({ length: HEAP_RUNS }, () => childRun(id, flags));
    return { id, bytes: median(runs) };
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { id, problem: detail };
  }
}
