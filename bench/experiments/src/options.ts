import { parseArgs } from 'node:util';

/** What one run of the experiments benchmark does, from its command line. */
export interface Options {
  /** The PostgreSQL server the benchmark's own database is created on. */
  readonly postgres: string;
  /** Units first exposed to the experiment's flag. */
  readonly units: number;
  /** Events in all, the exposures' included. */
  readonly events: number;
  /** Units generated per INSERT statement: one progress line each. */
  readonly unitsPerStatement: number;
  /** Days the events spread over, ending at the last UTC midnight a day before the run. */
  readonly days: number;
  /** setseed's argument, in [-1, 1]: the same seed makes the same events. */
  readonly seed: number;
  /** Warm requests after the cold one. */
  readonly repeat: number;
  /** Requests computed from the events, before the unit values are kept (0: none). */
  readonly direct: number;
  /** `DIAL_ANALYTICS_REFRESH_SECONDS` of the server while the unit values are built and read. */
  readonly refreshSeconds: number;
  /** How long to wait for the unit values before giving up. */
  readonly valuesTimeoutS: number;
  /** The whole run's time limit. */
  readonly timeoutS: number;
  /** Whether to check the results against plain SQL. */
  readonly check: boolean;
}

export const DEFAULT_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';
/** Events a unit has at least: its exposure, a page view, an add to cart and two purchases, room for every kind. */
export const MIN_EVENTS_PER_UNIT = 5;
const SMALL = { units: 20_000, events: 200_000 };
const FULL = { units: 1_000_000, events: 10_000_000 };

export const USAGE = `Usage: npm run bench:experiments -- [options]

  --small                    ${SMALL.units.toLocaleString('en-US')} units and ${SMALL.events.toLocaleString('en-US')} events: a minute or two
  --units N                  exposed units (default ${FULL.units.toLocaleString('en-US')})
  --events N                 events, at least ${MIN_EVENTS_PER_UNIT} per unit (default ${FULL.events.toLocaleString('en-US')})
  --units-per-statement N    units generated per INSERT (default 50,000)
  --days N                   days the events spread over (default 14)
  --seed X                   setseed's seed, from -1 to 1 (default 0.42)
  --repeat N                 warm requests (default 20)
  --direct N                 requests computed from the events first, for comparison (default 3; 0 for none)
  --refresh-seconds N        DIAL_ANALYTICS_REFRESH_SECONDS of the server (default 1)
  --values-timeout-s N       how long to wait for the unit values (default 1800)
  --timeout-s N              the whole run's limit (default 7200)
  --no-check                 leave out the check against plain SQL
  --postgres URL             the server to create the benchmark's database on
                             (default DATABASE_URL, else ${DEFAULT_POSTGRES})`;

/** A command line the benchmark cannot run with; the message names the option. */
export class OptionError extends Error {}

/**
 * Reads the benchmark's command line. Explicit sizes win over `--small`.
 *
 * @example
 * parseOptions(['--small', '--repeat', '5'], {}); // { units: 20000, events: 200000, repeat: 5, ... }
 */
export function parseOptions(args: readonly string[], env: Readonly<Record<string, string | undefined>>): Options {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      options: {
        small: { type: 'boolean', default: false },
        units: { type: 'string' },
        events: { type: 'string' },
        'units-per-statement': { type: 'string' },
        days: { type: 'string' },
        seed: { type: 'string' },
        repeat: { type: 'string' },
        direct: { type: 'string' },
        'refresh-seconds': { type: 'string' },
        'values-timeout-s': { type: 'string' },
        'timeout-s': { type: 'string' },
        'no-check': { type: 'boolean', default: false },
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
  const units = integer('units', values.units, size.units, 1);
  // Ten events a unit unless told: --units alone keeps the mix.
  const events = integer('events', values.events, values.units === undefined ? size.events : units * 10, 1);
  if (events < units * MIN_EVENTS_PER_UNIT) {
    throw new OptionError(
      `--events must be at least ${MIN_EVENTS_PER_UNIT} per unit (${(units * MIN_EVENTS_PER_UNIT).toLocaleString('en-US')} for ${units.toLocaleString('en-US')} units), not ${events.toLocaleString('en-US')}`,
    );
  }
  const seed = values.seed === undefined ? 0.42 : Number(values.seed);
  if (!Number.isFinite(seed) || seed < -1 || seed > 1) throw new OptionError(`--seed must be a number from -1 to 1, not "${values.seed}"`);
  const days = integer('days', values.days, 14, 2);
  if (days > 60) throw new OptionError(`--days must be at most 60 (Dial keeps 90 days of events unless told otherwise), not ${days}`);
  const postgres = values.postgres ?? (env.DATABASE_URL?.trim() || DEFAULT_POSTGRES);
  if (!/^postgres(ql)?:\/\//.test(postgres)) throw new OptionError('--postgres (or DATABASE_URL) must be a postgres:// connection string');
  return {
    postgres,
    units,
    events,
    unitsPerStatement: integer('units-per-statement', values['units-per-statement'], 50_000, 1),
    days,
    seed,
    repeat: integer('repeat', values.repeat, 20, 1),
    direct: integer('direct', values.direct, 3, 0),
    refreshSeconds: integer('refresh-seconds', values['refresh-seconds'], 1, 1),
    valuesTimeoutS: integer('values-timeout-s', values['values-timeout-s'], 1800, 1),
    timeoutS: integer('timeout-s', values['timeout-s'], 7200, 1),
    check: !values['no-check'],
  };
}
