/**
 * An ILIKE pattern that finds `text` anywhere, with `%`, `_` and `\` in it
 * matched literally: a search box must not turn user input into wildcards.
 *
 * @example
 * db.query('SELECT key FROM flags WHERE name ILIKE $1', [containsPattern('50%_off')]);
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
