import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import { boundaries } from '../../eslint.config.js';
import { packageBoundaries } from './package-boundaries.js';

RuleTester.describe = describe;
RuleTester.it = it;

const root = path.resolve(import.meta.dirname, '../..');
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2023, sourceType: 'module' } });
const options = [{ packages: boundaries }];
// The rule resolves packages from the working directory, which is the repository root under vitest.
const at = (file: string) => ({ filename: path.join(root, file), options });

tester.run('package-boundaries', packageBoundaries, {
  valid: [
    { code: "import { x } from './murmur3.js';", ...at('packages/core/src/bucket.ts') },
    { code: "import { z } from 'zod';", ...at('packages/core/src/validation/schemas.ts') },
    { code: "import tCdf from '@stdlib/stats-base-dists-t-cdf';", ...at('packages/core/src/stats/tests.ts') },
    { code: "import { readFileSync } from 'node:fs';", ...at('packages/core/src/evaluate.test.ts') },
    { code: "import { evaluate } from '@dial/core';", ...at('packages/server/src/app.ts') },
    { code: "import { serve } from '@dial/server';", ...at('packages/cli/src/main.ts') },
    { code: "import { evaluate } from '../../core/src/index.js';", ...at('packages/sdk-node/src/client.ts') },
    { code: "import { compile } from '@dial/core';", ...at('bench/evaluation/src/main.ts') },
    { code: "import { startServer } from '../../server/src/server.js';", ...at('packages/console/e2e/console.test.ts') },
    { code: "import { mkdtempSync } from 'node:fs';", ...at('packages/console/e2e/browser.ts') },
    { code: "import { createServer } from 'node:http';", ...at('packages/sdk-web/src/test-fake-dial.ts') },
    { code: "import { gzipSync } from 'node:zlib';", ...at('packages/sdk-web/scripts/size.ts') },
    { code: "import { evaluate } from '@dial/core';", ...at('packages/sdk-web/src/client.ts') },
  ],
  invalid: [
    { code: "import { readFileSync } from 'node:fs';", ...at('packages/core/src/evaluate.ts'), errors: [{ messageId: 'builtin' }] },
    { code: "import http from 'http';", ...at('packages/core/src/evaluate.ts'), errors: [{ messageId: 'builtin' }] },
    { code: "import { z } from 'zod';", ...at('packages/core/src/evaluate.ts'), errors: [{ messageId: 'dependency' }] },
    { code: "import pino from 'pino';", ...at('packages/core/src/validation/x.ts'), errors: [{ messageId: 'dependency' }] },
    { code: "import tCdf from '@stdlib/stats-base-dists-t-cdf';", ...at('packages/core/src/evaluate.ts'), errors: [{ messageId: 'dependency' }] },
    { code: "import { app } from '@dial/server';", ...at('packages/sdk-node/src/client.ts'), errors: [{ messageId: 'crossing' }] },
    { code: "import { app } from '../../server/src/app.js';", ...at('packages/core/src/x.ts'), errors: [{ messageId: 'crossing' }] },
    { code: "export * from '@dial/sdk-node';", ...at('packages/core/src/x.ts'), errors: [{ messageId: 'crossing' }] },
    { code: "const m = await import('@dial/server');", ...at('packages/console/src/x.ts'), errors: [{ messageId: 'crossing' }] },
    { code: "import { app } from '../../server/src/app.js';", ...at('packages/console/src/app.tsx'), errors: [{ messageId: 'crossing' }] },
    { code: "import { readFileSync } from 'node:fs';", ...at('packages/console/src/x.ts'), errors: [{ messageId: 'builtin' }] },
    { code: "import { request } from 'node:http';", ...at('packages/sdk-web/src/dial-web-client.ts'), errors: [{ messageId: 'builtin' }] },
    { code: "import { app } from '@dial/sdk-node';", ...at('packages/sdk-web/src/x.ts'), errors: [{ messageId: 'crossing' }] },
    { code: "import { app } from '@dial/server';", ...at('bench/evaluation/src/main.ts'), errors: [{ messageId: 'crossing' }] },
  ],
});
