import { z } from 'zod';

/** Schemas the OpenAPI document lists once under `components.schemas` and refers to by name. */
export type SchemaComponents = z.core.$ZodRegistry<{ id?: string | undefined; [key: string]: unknown }>;

const isSchema = (value: unknown): value is z.core.$ZodType => value instanceof z.core.$ZodType;

/** The `z.json()` shape: any JSON value, defined in terms of itself. */
function isJsonValue(schema: z.core.$ZodType): boolean {
  const def = schema._zod.def as { type: string; getter?: () => z.core.$ZodType };
  if (def.type !== 'lazy' || def.getter === undefined) return false;
  const inner = def.getter()._zod.def as { type: string; options?: z.core.$ZodType[] };
  const kinds = inner.options?.map((option) => option._zod.def.type).sort();
  return inner.type === 'union' && kinds?.join() === 'array,boolean,null,number,record,string';
}

/** The schemas directly inside `schema`: object fields, array items, union options, wrapped types. */
function children(schema: z.core.$ZodType): z.core.$ZodType[] {
  const def = schema._zod.def as unknown as Record<string, unknown>;
  if (def.type === 'lazy') return [(def.getter as () => z.core.$ZodType)()];
  const found: z.core.$ZodType[] = [];
  for (const value of Object.values(def)) {
    if (isSchema(value)) found.push(value);
    else if (Array.isArray(value)) found.push(...value.filter(isSchema));
    // An object's shape: plain field → schema, with getters for self-reference.
    else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      found.push(...Object.values(value).filter(isSchema));
    }
  }
  return found;
}

/**
 * Registers every schema that refers to itself (such as `z.json()`) under
 * a name, so the OpenAPI document defines it once in `components.schemas`.
 * Without a name, the Zod type provider refers to a definition it leaves out.
 * `z.json()` is called `JsonValue`; other recursive schemas keep an `id`
 * they were given with `.meta({ id })`, or are numbered.
 *
 * @example
 * app.addHook('onRoute', (route) => nameRecursiveSchemas(route.schema, components));
 */
export function nameRecursiveSchemas(root: unknown, components: SchemaComponents, done = new WeakSet<object>()): void {
  const onPath = new Set<z.core.$ZodType>();
  const visit = (schema: z.core.$ZodType): void => {
    if (onPath.has(schema)) {
      if (!components.has(schema)) components.add(schema, { id: componentName(schema, components) });
      return;
    }
    if (done.has(schema)) return;
    onPath.add(schema);
    for (const child of children(schema)) visit(child);
    onPath.delete(schema);
    done.add(schema);
  };
  const walk = (value: unknown): void => {
    if (isSchema(value)) visit(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(root);
}

function componentName(schema: z.core.$ZodType, components: SchemaComponents): string {
  const given = (z.globalRegistry.get(schema) as { id?: unknown } | undefined)?.id;
  const base = typeof given === 'string' ? given : isJsonValue(schema) ? 'JsonValue' : 'RecursiveSchema';
  let name = base;
  for (let n = 2; components._idmap.has(name); n++) name = `${base}${n}`;
  return name;
}
