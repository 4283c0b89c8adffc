export const DEMO_USAGE = `Usage: dial demo [options]

Sets up a demo shop in a running Dial (project "demo": flags, the beta-testers
segment, the checkout journey, new-checkout in a 50/50 rollout, metrics, and
the new-checkout experiment running since the first replayed day), sends the
past days of simulated shoppers through the Node SDK, then keeps a live
trickle of shoppers going until Ctrl-C. Running it again creates only what is
missing and never changes what you changed; each run adds its own shoppers.

Options:
  --url URL       where Dial runs (default http://127.0.0.1:$DIAL_PORT, else port 4242)
  --token TOKEN   an admin token (default $DIAL_ADMIN_TOKEN)
  --users N       shoppers over the backfill (default 5000; 0 for none)
  --days N        how many past days the backfill spans, 1 to 29 (default 14)
  --rate N        live shoppers a second on average (default 2)
  --no-live       stop after the backfill
  --seed TEXT     repeat a run's shoppers and their choices (default: a new one each run)
  --help          print this help
`;

export interface DemoOptions {
  readonly url: string;
  readonly token: string;
  readonly users: number;
  readonly days: number;
  readonly rate: number;
  readonly live: boolean;
  readonly seed: string;
}

/** Bad arguments: the message says which and why. */
export class UsageError extends Error {}

/** Events may be at most 30 days old when Dial receives them; a day is left for the backfill to run. */
export const MAX_DAYS = 29;
export const MAX_USERS = 1_000_000;

function integer(option: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) throw new UsageError(`${option} must be a whole number from ${min} to ${max}, not "${text}"`);
  return value;
}

/**
 * The options of `dial demo` from its arguments (`--name value` or
 * `--name=value`) and environment, or 'help'.
 *
 * @example
 * parseDemoOptions(['--users', '500', '--no-live'], { DIAL_ADMIN_TOKEN: '…' }, () => 'a1b2c3d4');
 */
export function parseDemoOptions(args: readonly string[], env: Readonly<Record<string, string | undefined>>, newSeed: () => string): DemoOptions | 'help' {
  const given = new Map<string, string>();
  let live = true;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--no-live') {
      live = false;
      continue;
    }
    const match = /^--(url|token|users|days|rate|seed)(?:=(.*))?$/s.exec(arg);
    if (match === null) throw new UsageError(`unknown option "${arg}"`);
    const name = match[1]!;
    const value = match[2] ?? args[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    given.set(name, value);
  }

  const url = given.get('url') ?? `http://127.0.0.1:${env.DIAL_PORT?.trim() || '4242'}`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`--url must be a URL such as http://127.0.0.1:4242, not "${url}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UsageError(`--url must be http or https, not ${parsed.protocol}`);

  const token = given.get('token') ?? env.DIAL_ADMIN_TOKEN?.trim() ?? '';
  if (token === '') throw new UsageError("an admin token is needed: pass --token, or set DIAL_ADMIN_TOKEN (Dial prints one at its first start)");

  const rateText = given.get('rate') ?? '2';
  const rate = Number(rateText);
  if (rateText.trim() === '' || !Number.isFinite(rate) || rate < 0.1 || rate > 1000) throw new UsageError(`--rate must be a number from 0.1 to 1000, not "${rateText}"`);

  const seed = given.get('seed') ?? newSeed();
  if (seed === '') throw new UsageError('--seed must not be empty');

  return {
    url: url.replace(/\/+$/, ''),
    token,
    users: integer('--users', given.get('users') ?? '5000', 0, MAX_USERS),
    days: integer('--days', given.get('days') ?? '14', 1, MAX_DAYS),
    rate,
    live,
    seed,
  };
}
