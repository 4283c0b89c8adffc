/** Why a piece of configuration cannot be evaluated; evaluation answers ERROR / PARSE_ERROR with it. */
export class Malformed {
  constructor(readonly message: string) {}
}

export function isMalformed(value: unknown): value is Malformed {
  return value instanceof Malformed;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
