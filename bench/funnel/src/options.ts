import { parseArgs } from 'node:util';

/** What one run of the funnel benchmark does, from its command line. */
export interface Options {
  /** The PostgreSQL server the benchmark's own database is created on. */
  readonly postgres: string;
  readonly users: number;
  readonly events: number;
  /** Users generated per INSERT statement: one progress line each. */
  readonly usersPerStatement: number;
  /** Days the events spread over, ending at the last UTC midnight a day before the run. */
  readonly days: number;
  /** setseed's argument, in [-1, 1]: the same seed makes the same events. */
  readonly seed: number;
  /** Warm requests after the cold one, per query. */
  readonly repeat: number;
  /** `DIAL_ANALYTICS_REFRESH_SECONDS` of the server while the journey's paths are built. */
  readonly refreshSeconds: number;
  /** How long to wait for the journey's paths before giving up. */
  readonly pathsTimeoutS: number;
  /** The whole run's time limit. */
  readonly timeoutS: number;
  /** Whether to run the same queries in DuckDB. */
  readonly duckdb: boolean;
}

export const DEFAULT_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';
/** Funnel and usage events a user has at least: an exposure, three views, a cart, a checkout and a purchase. */
export const MIN_EVENTS_PER_USER = 7;
const SMALL = { users: 20_000, events: 200_000 };
const FULL = { users: 1_000_000, events: 10_000_000 };

export const USAGE = `Usage: npm run bench:funnel -- [options]

  --small                    ${SMALL.users.toLocaleString('en-US')} users and ${SMALL.events.toLocaleString('en-US')} events: under a minute
  --users N                  users (default ${FULL.users.toLocaleString('en-US')})
  --events N                 events, at least ${MIN_EVENTS_PER_USER} per user (default ${FULL.events.toLocaleString('en-US')})
  --users-per-statement N    users generated per INSERT (default 50,000)
  --days N                   days the events spread over (default 14)
  --seed X                   setseed's seed, from -1 to 1 (default 0.42)
  --repeat N                 warm requests per query (default 10)
  --refresh-seconds N        DIAL_ANALYTICS_REFRESH_SECONDS of the server (default 1)
  --paths-timeout-s N        how long to wait for the journey's paths (default 1800)
  --timeout-s N              the whole run's limit (default 7200)
  --no-duckdb                leave out the DuckDB reference
  --postgres URL             the server to create the benchmark's database on
                             (default DATABASE_URL, else ${DEFAULT_POSTGRES})`;

/** A command line the benchmark cannot run with; the message names the option. */
export class OptionError extends Error {}

/**
 * Reads the benchmark's command line. Explicit sizes win over `--small`.
 *
 * @example
 * parseOptions(['--small', '--repeat', '5'], {}); // { users: 20000, events: 200000, repeat: 5, ... }
 */
export function parseOptions(args: readonly string[], env: Readonly<Record<string, string | undefined>>): Options {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      options: {
        small: { type: 'boolean', default: false },
        users: { type: 'string' },
        events: { type: 'string' },
        'users-per-statement': { type: 'string' },
        days: { type: 'string' },
        seed: { type: 'string' },
        repeat: { type: 'string' },
        'refresh-seconds': { type: 'string' },
        'paths-timeout-s': { type: 'string' },
        'timeout-s': { type: 'string' },
        'no-duckdb': { type: 'boolean', default: false },
        postgres: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new OptionError((error as Error).message);
  }
  const integer = (name: string, text: string | undefined, fallback: number, least: number): number => {
    const value = text === undefined ? fallback : Number(text.replaceAll('_', ''));
    if (!Number.isSafeInteger(value) || value < least) throw new OptionError(`--${name} must be an integer of at least ${least.toLocaleString('en-US')}, not "${text}"`);
    return value;
  };
  const size = values.small ? SMALL : FULL;
  const users = integer('users', values.users, size.users, 1);
  // Ten events a user unless told: --users alone keeps the mix.
  const events = integer('events', values.events, values.users === undefined ? size.events : users * 10, 1);
  if (events < users * MIN_EVENTS_PER_USER) {
    throw new OptionError(
      `--events must be at least ${MIN_EVENTS_PER_USER} per user (${(users * MIN_EVENTS_PER_USER).toLocaleString('en-US')} for ${users.toLocaleString('en-US')} users), not ${events.toLocaleString('en-US')}`,
    );
  }
  const seed = values.seed === undefined ? 0.42 : Number(values.seed);
  if (!Number.isFinite(seed) || seed < -1 || seed > 1) throw new OptionError(`--seed must be a number from -1 to 1, not "${values.seed}"`);
  const days = integer('days', values.days, 14, 2);
  if (days > 60) throw new OptionError(`--days must be at most 60 (the funnel reads one range of at most 366 days, and Dial keeps 90 days of events), not ${days}`);
  const postgres = values.postgres ?? (env.DATABASE_URL?.trim() || DEFAULT_POSTGRES);
  if (!/^postgres(ql)?:\/\//.test(postgres)) throw new OptionError('--postgres (or DATABASE_URL) must be a postgres:// connection string');
  return {
    postgres,
    users,
    events,
    usersPerStatement: integer('users-per-statement', values['users-per-statement'], 50_000, 1),
    days,
    seed,
    repeat: integer('repeat', values.repeat, 10, 1),
    refreshSeconds: integer('refresh-seconds', values['refresh-seconds'], 1, 1),
    pathsTimeoutS: integer('paths-timeout-s', values['paths-timeout-s'], 1800, 1),
    timeoutS: integer('timeout-s', values['timeout-s'], 7200, 1),
    duckdb: !values['no-duckdb'],
  };
}
