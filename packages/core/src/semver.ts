/**
 * Semantic versions as flag conditions compare them: a leading `v` is
 * allowed, a missing minor or patch is 0, build metadata is ignored, and
 * pre-release precedence follows SemVer 2.0.0.
 */
export interface SemVer {
  /** major, minor, patch as decimal digit strings without leading zeros */
  readonly core: readonly [string, string, string];
  readonly prerelease: readonly string[];
}

const SEMVER =
  /^v?(\d+)(?:\.(\d+)(?:\.(\d+))?)?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
const NUMERIC = /^\d+$/;

function stripZeros(digits: string): string {
  let i = 0;
  while (i < digits.length - 1 && digits.charCodeAt(i) === 48) i++;
  return i === 0 ? digits : digits.slice(i);
}

/** Parses a version, or returns undefined when the string is not one. */
export function parseSemVer(input: unknown): SemVer | undefined {
  if (typeof input !== 'string' || input.length > 256) return undefined;
  const m = SEMVER.exec(input);
  if (!m) return undefined;
  return {
    core: [stripZeros(m[1]!), stripZeros(m[2] ?? '0'), stripZeros(m[3] ?? '0')],
    prerelease: m[4] === undefined ? [] : m[4].split('.'),
  };
}

/** Numeric identifiers of any size, compared exactly. */
function compareDigits(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareIdentifier(a: string, b: string): number {
  const an = NUMERIC.test(a);
  const bn = NUMERIC.test(b);
  if (an && bn) return compareDigits(stripZeros(a), stripZeros(b));
  if (an) return -1;
  if (bn) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders two versions: negative when `a` precedes `b`, 0 when equal, positive after.
 *
 * @example
 * compareSemVer(parseSemVer('2.1.0-rc.1')!, parseSemVer('v2.1')!); // < 0
 */
export function compareSemVer(a: SemVer, b: SemVer): number {
  for (let i = 0; i < 3; i++) {
    const c = compareDigits(a.core[i]!, b.core[i]!);
    if (c !== 0) return c;
  }
  const pa = a.prerelease;
  const pb = b.prerelease;
  if (pa.length === 0 || pb.length === 0) return pb.length - pa.length;
  const shared = Math.min(pa.length, pb.length);
  for (let i = 0; i < shared; i++) {
    const c = compareIdentifier(pa[i]!, pb[i]!);
    if (c !== 0) return c;
  }
  return pa.length - pb.length;
}
