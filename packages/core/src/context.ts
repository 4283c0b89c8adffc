import type { Context } from './types.js';

/** Reads one attribute of a context; absent and `null` both come back as undefined. */
export type AttributeGetter = (context: Context) => unknown;

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * A getter for `attr`. Names that plain objects inherit (`constructor`,
 * `toString`, `__proto__`…) are read as own properties only, so a context never
 * appears to carry an attribute it does not.
 */
export function attributeGetter(attr: string): AttributeGetter {
  if (attr in Object.prototype) {
    return (context) => {
      if (!hasOwn.call(context, attr)) return undefined;
      const value: unknown = Object.getOwnPropertyDescriptor(context, attr)?.value;
      return value === null ? undefined : value;
    };
  }
  return (context) => {
    const value = context[attr];
    return value === null ? undefined : value;
  };
}

const EMPTY: Context = Object.freeze({});

/** Anything that is not an object evaluates as the empty context. */
export function asContext(input: unknown): Context {
  return typeof input === 'object' && input !== null ? (input as Context) : EMPTY;
}
