/**
 * Generates the console's API types from the server's OpenAPI document:
 * builds the app in-process on an in-memory database, takes `app.swagger()`,
 * and writes packages/console/src/api/schema.d.ts. With `--check`, only says
 * whether the committed file is up to date (exit 1 when not).
 *
 *   npm run generate:api            # write
 *   npm run generate:api -- --check # verify
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import pino from 'pino';
import { buildApp } from '../packages/server/src/app.js';
import { openEmbedded } from '../packages/server/src/platform/db.js';
import { readMigrations } from '../packages/server/src/platform/migrate.js';
import { MIGRATIONS_DIR } from '../packages/server/src/server.js';

export const SCHEMA_FILE = path.resolve(import.meta.dirname, '../packages/console/src/api/schema.d.ts');

const HEADER = '/* Generated from the server\'s OpenAPI document by scripts/generate-console-api.ts: do not edit. Run `npm run generate:api`. */\n\n';

/** The OpenAPI document the server serves at /api/v1/openapi.json. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const db = await openEmbedded(undefined);
  try {
    const app = await buildApp({ db, logger: pino({ level: 'silent' }), migrations: readMigrations(MIGRATIONS_DIR) });
    await app.ready();
    const document = app.swagger() as unknown as Record<string, unknown>;
    await app.close();
    return document;
  } finally {
    await db.close();
  }
}

/** The TypeScript the console compiles against. */
export async function consoleApiTypes(): Promise<string> {
  const ast = await openapiTS(JSON.parse(JSON.stringify(await openApiDocument())), { alphabetize: true });
  return HEADER + astToString(ast);
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === import.meta.filename) {
  const generated = await consoleApiTypes();
  if (process.argv.includes('--check')) {
    const current = readFileSync(SCHEMA_FILE, 'utf8');
    if (current !== generated) {
      console.error(`${path.relative(process.cwd(), SCHEMA_FILE)} is out of date: run npm run generate:api`);
      process.exitCode = 1;
    } else console.log('console API types are up to date');
  } else {
    writeFileSync(SCHEMA_FILE, generated);
    console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
  }
}
