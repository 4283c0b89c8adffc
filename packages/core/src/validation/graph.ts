/**
 * How far references reach from one key: the longest chain below it, or a
 * walk that runs into a cycle. `keys` starts with the key itself; a cycle
 * walk ends with the first key it repeats.
 */
export type Reach =
  | { readonly cycle: false; readonly depth: number; readonly keys: readonly string[] }
  | { readonly cycle: true; readonly keys: readonly string[] };

interface Measure {
  /** Edges on the longest chain below the key; Infinity when it reaches a cycle. */
  readonly depth: number;
  /** The next key on that chain, or towards that cycle. */
  readonly next: string | undefined;
}

/**
 * A graph of references between keys (a flag's prerequisites, a segment's
 * nested segments) that may hold cycles, as a document being saved can.
 * References to keys that are not in the graph are ignored here, as the
 * evaluator ignores them; they are reported as unknown on their own.
 */
export class ReferenceGraph {
  private readonly measured = new Map<string, Measure>();

  /** @example new ReferenceGraph(new Map([['a', ['b']], ['b', []]])) */
  constructor(private readonly edges: ReadonlyMap<string, readonly string[]>) {}

  /**
   * The same keys with every reference turned around: what depends on what.
   *
   * @example
   * ReferenceGraph.reversed(new Map([['a', ['b']], ['b', []]])).reach('b'); // { cycle: false, depth: 1, keys: ['b', 'a'] }
   */
  static reversed(edges: ReadonlyMap<string, readonly string[]>): ReferenceGraph {
    const reversed = new Map<string, string[]>();
    for (const key of edges.keys()) reversed.set(key, []);
    for (const [key, targets] of edges) {
      for (const target of targets) reversed.get(target)?.push(key);
    }
    return new ReferenceGraph(reversed);
  }

  /**
   * @example
   * new ReferenceGraph(new Map([['a', ['b']], ['b', ['a']]])).reach('a'); // { cycle: true, keys: ['a', 'b', 'a'] }
   */
  reach(key: string): Reach {
    if (!this.edges.has(key)) return { cycle: false, depth: 0, keys: [key] };
    this.measure(key);
    const keys = [key];
    const seen = new Set(keys);
    let next = this.measured.get(key)?.next;
    while (next !== undefined) {
      keys.push(next);
      if (seen.has(next)) return { cycle: true, keys };
      seen.add(next);
      next = this.measured.get(next)?.next;
    }
    return { cycle: false, depth: keys.length - 1, keys };
  }

  /**
   * Depth-first, with an explicit stack so that a long chain cannot overflow
   * the call stack. A reference to a key still open on the path closes a cycle.
   */
  private measure(start: string): void {
    if (this.measured.has(start)) return;
    const open = new Set([start]);
    const stack = [{ key: start, index: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const targets = this.edges.get(top.key) ?? [];
      if (top.index < targets.length) {
        const target = targets[top.index++]!;
        if (this.edges.has(target) && !this.measured.has(target) && !open.has(target)) {
          open.add(target);
          stack.push({ key: target, index: 0 });
        }
        continue;
      }
      let depth = 0;
      let next: string | undefined;
      for (const target of targets) {
        if (!this.edges.has(target)) continue;
        const below = open.has(target) ? Infinity : 1 + this.measured.get(target)!.depth;
        if (below > depth) {
          depth = below;
          next = target;
        }
      }
      this.measured.set(top.key, { depth, next });
      open.delete(top.key);
      stack.pop();
    }
  }
}
