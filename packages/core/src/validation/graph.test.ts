import { describe, expect, it } from 'vitest';
import { ReferenceGraph } from './graph.js';

const graph = (edges: Record<string, string[]>) => new ReferenceGraph(new Map(Object.entries(edges)));

describe('ReferenceGraph.reach', () => {
  it('follows the longest chain', () => {
    const g = graph({ a: ['b', 'c'], b: [], c: ['d'], d: [] });
    expect(g.reach('a')).toEqual({ cycle: false, depth: 2, keys: ['a', 'c', 'd'] });
    expect(g.reach('b')).toEqual({ cycle: false, depth: 0, keys: ['b'] });
  });

  it('ignores references to keys outside the graph, as the evaluator does', () => {
    expect(graph({ a: ['ghost'] }).reach('a')).toEqual({ cycle: false, depth: 0, keys: ['a'] });
    expect(graph({}).reach('ghost')).toEqual({ cycle: false, depth: 0, keys: ['ghost'] });
  });

  it('finds a self-reference, a cycle, and a walk into a cycle', () => {
    expect(graph({ a: ['a'] }).reach('a')).toEqual({ cycle: true, keys: ['a', 'a'] });
    const g = graph({ a: ['b'], b: ['c'], c: ['a'], x: ['y', 'a'], y: [] });
    expect(g.reach('b')).toEqual({ cycle: true, keys: ['b', 'c', 'a', 'b'] });
    expect(g.reach('x')).toEqual({ cycle: true, keys: ['x', 'a', 'b', 'c', 'a'] });
    expect(g.reach('y')).toEqual({ cycle: false, depth: 0, keys: ['y'] });
  });

  it('measures a chain far longer than the call stack allows', () => {
    const n = 50_000;
    const edges = new Map<string, string[]>();
    for (let i = 0; i < n; i++) edges.set(`f${i}`, i + 1 < n ? [`f${i + 1}`] : []);
    const reach = new ReferenceGraph(edges).reach('f0');
    expect(reach.cycle ? Infinity : reach.depth).toBe(n - 1);
  });

  it('turns references around', () => {
    const edges = new Map(Object.entries({ a: ['c'], b: ['c'], c: ['d'], d: [] }));
    expect(ReferenceGraph.reversed(edges).reach('d')).toEqual({ cycle: false, depth: 2, keys: ['d', 'c', 'a'] });
  });
});
