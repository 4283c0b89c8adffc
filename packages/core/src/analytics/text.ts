/*
 * Text as PostgreSQL orders and prints it, so the reference analyses and the
 * SQL ones name and order groups alike.
 */

/**
 * Orders strings by Unicode code point, as PostgreSQL's "C" collation orders
 * UTF-8 text. JavaScript's `<` compares UTF-16 code units, which differs for
 * characters beyond U+FFFF.
 *
 * @example
 * ['b', 'a', 'B'].sort(compareText); // ['B', 'a', 'b']
 */
export function compareText(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    if (a.charCodeAt(i) !== b.charCodeAt(i)) return a.codePointAt(i)! - b.codePointAt(i)!;
  }
  return a.length - b.length;
}

const EXPONENT = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/;

/**
 * A JSON number as PostgreSQL prints it back from `jsonb`: plain decimal
 * digits, never an exponent. JavaScript writes 1e21 as "1e+21" and
 * PostgreSQL as "1000000000000000000000".
 *
 * @example
 * jsonNumberText(1.5e-7); // '0.00000015'
 */
export function jsonNumberText(value: number): string {
  const text = String(value);
  const match = EXPONENT.exec(text);
  if (!match) return text;
  const [, sign, first, rest = '', exponent] = match;
  const digits = first! + rest;
  const point = 1 + Number(exponent);
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * The text a breakdown groups by: a string as it is, a number or boolean as
 * PostgreSQL prints it (`->>`); null when absent, null, an object or an array.
 *
 * @example
 * breakdownText(true); // 'true'
 * breakdownText({ a: 1 }); // null
 */
export function breakdownText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return jsonNumberText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return null;
}
