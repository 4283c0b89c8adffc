import { describe, expect, it } from 'vitest';
import { ENTRIES, bundle, measureBundles } from '../scripts/size.js';

describe('the browser bundle', () => {
  it('stays within its gzipped size budget, so a size regression fails the build', async () => {
    const sizes = await measureBundles();
    expect(sizes.map((size) => size.name)).toEqual(ENTRIES.map((entry) => entry.name));
    for (const size of sizes) expect(size.gzippedBytes, size.name).toBeLessThanOrEqual(size.budgetBytes);
  });

  it('holds no dependency and nothing of Node', async () => {
    const text = new TextDecoder().decode(await bundle('src/index.ts', { minify: false }));
    expect(text).not.toMatch(/from\s+["']/);
    expect(text).not.toMatch(/\bnode:|\brequire\(|\bprocess\.|\bBuffer\b/);
  });
});
