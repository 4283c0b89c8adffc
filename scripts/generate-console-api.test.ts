import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, consoleApiTypes } from './generate-console-api.js';

describe('the console\'s API types', () => {
  it('are generated from the server\'s current OpenAPI document (else: npm run generate:api)', async () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    const generated = await consoleApiTypes();
    // A plain boolean keeps the failure short: the fix is to regenerate, not to read a 7,000-line diff.
    expect(committed === generated, 'packages/console/src/api/schema.d.ts is out of date: run npm run generate:api').toBe(true);
  });
});
