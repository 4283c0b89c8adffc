/**
 * How much each entry point of @dial/sdk-web adds to a page: bundled alone
 * with esbuild (minified, ES2020, for browsers; React and OpenFeature left to
 * the page), then gzipped. `npm run size -w @dial/sdk-web` prints the table.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const PACKAGE_ROOT = path.resolve(import.meta.dirname, '..');

/** Each entry point, and the budget its gzipped bundle must stay under. */
export const ENTRIES = [
  { name: '@dial/sdk-web', file: 'src/index.ts', budgetBytes: 10 * 1024 },
  { name: '@dial/sdk-web/react', file: 'src/react/index.ts', budgetBytes: 10 * 1024 },
  { name: '@dial/sdk-web/openfeature', file: 'src/openfeature/index.ts', budgetBytes: 10 * 1024 },
] as const;

export interface BundleSize {
  readonly name: string;
  readonly minifiedBytes: number;
  readonly gzippedBytes: number;
  readonly budgetBytes: number;
}

/** The minified bundle of one entry point of the package. */
export async function bundle(file: string, options: { minify?: boolean } = {}): Promise<Uint8Array> {
  const result = await build({
    entryPoints: [path.join(PACKAGE_ROOT, file)],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: options.minify ?? true,
    conditions: ['dial-source'],
    external: ['react', 'react-dom', '@openfeature/web-sdk', '@openfeature/core'],
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.contents;
}

export async function measureBundles(): Promise<BundleSize[]> {
  return Promise.all(
    ENTRIES.map(async ({ name, file, budgetBytes }) => {
      const minified = await bundle(file);
      return { name, minifiedBytes: minified.byteLength, gzippedBytes: gzipSync(minified, { level: 9 }).byteLength, budgetBytes };
    }),
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sizes = await measureBundles();
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
  console.log('entry point                  minified     gzipped    budget (gzipped)');
  for (const size of sizes) {
    console.log(`${size.name.padEnd(28)} ${kb(size.minifiedBytes).padStart(9)}  ${kb(size.gzippedBytes).padStart(10)}  ${kb(size.budgetBytes).padStart(10)}`);
  }
  console.log('(React and @openfeature/web-sdk are the page\'s own and not counted.)');
  if (sizes.some((size) => size.gzippedBytes > size.budgetBytes)) process.exitCode = 1;
}
