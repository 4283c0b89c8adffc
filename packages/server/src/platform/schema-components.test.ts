import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHttp } from './http.js';
import { createMetrics } from './metrics.js';

interface Category {
  name: string;
  children: Category[];
}
const category: z.ZodType<Category> = z
  .object({
    name: z.string(),
    get children() {
      return z.array(category);
    },
  })
  .meta({ id: 'Category' });
const node: z.ZodType<Category> = z.object({
  name: z.string(),
  get children() {
    return z.array(node);
  },
});

async function documentOf(routes: Record<string, z.ZodType>) {
  const app = await createHttp({ logger: pino({ level: 'silent' }), metrics: createMetrics(() => ({ total: 0, idle: 0, waiting: 0 })), version: '0.0.0' });
  for (const [path, schema] of Object.entries(routes)) {
    app.post(path, { schema: { body: schema, response: { 200: schema } } }, async (request) => request.body);
  }
  const res = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  await app.close();
  return res.json<{ paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } }>();
}

/** Every component a document refers to. */
const referenced = (doc: unknown) => [...new Set([...JSON.stringify(doc).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!))];

describe('nameRecursiveSchemas', () => {
  it('defines z.json() once as a component that the routes refer to', async () => {
    const doc = await documentOf({ '/a': z.object({ value: z.json() }), '/b': z.object({ list: z.array(z.string()) }) });
    const names = referenced(doc);
    expect(names.sort()).toEqual(['JsonValue', 'JsonValueInput']);
    for (const name of names) expect(doc.components.schemas[name]).toMatchObject({ anyOf: expect.any(Array) });
    expect(JSON.stringify(doc.paths['/b'])).not.toContain('$ref');
  });

  it('defines self-referencing objects too, under their id when they have one', async () => {
    const doc = await documentOf({ '/categories': category, '/nodes': z.object({ root: node }) });
    const names = referenced(doc);
    expect(names.sort()).toEqual(['Category', 'CategoryInput', 'RecursiveSchema', 'RecursiveSchemaInput']);
    for (const name of names) expect(doc.components.schemas[name]).toBeDefined();
  });
});
