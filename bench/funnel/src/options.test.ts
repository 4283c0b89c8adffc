import { describe, expect, it } from 'vitest';
import { DEFAULT_POSTGRES, OptionError, parseOptions } from './options.js';

describe('parseOptions', () => {
  it('defaults to a million users and ten million events on the local server', () => {
    const options = parseOptions([], {});
    expect(options).toMatchObject({ users: 1_000_000, events: 10_000_000, usersPerStatement: 50_000, days: 14, repeat: 10, refreshSeconds: 1, duckdb: true });
    expect(options.postgres).toBe(DEFAULT_POSTGRES);
  });

  it('makes --small a run of 20,000 users and 200,000 events, explicit sizes winning', () => {
    expect(parseOptions(['--small'], {})).toMatchObject({ users: 20_000, events: 200_000 });
    expect(parseOptions(['--small', '--events', '300000'], {})).toMatchObject({ users: 20_000, events: 300_000 });
    expect(parseOptions(['--users', '5000'], {})).toMatchObject({ users: 5000, events: 50_000 });
    expect(parseOptions(['--users', '1_000', '--events', '7_000'], {})).toMatchObject({ users: 1000, events: 7000 });
  });

  it('takes the server from --postgres, else DATABASE_URL', () => {
    expect(parseOptions([], { DATABASE_URL: 'postgres://u@h:5433/x' }).postgres).toBe('postgres://u@h:5433/x');
    expect(parseOptions(['--postgres', 'postgresql://a@b/c'], { DATABASE_URL: 'postgres://u@h/x' }).postgres).toBe('postgresql://a@b/c');
    expect(parseOptions(['--no-duckdb'], {}).duckdb).toBe(false);
  });

  it('refuses what it cannot run, naming the option', () => {
    const refused = (args: string[]) => () => parseOptions(args, {});
    expect(refused(['--users', '0'])).toThrow(/--users must be an integer of at least 1/);
    expect(refused(['--users', 'many'])).toThrow(/--users .* not "many"/);
    expect(refused(['--users', '100', '--events', '699'])).toThrow(/--events must be at least 7 per user \(700 for 100 users\)/);
    expect(refused(['--seed', '2'])).toThrow(/--seed must be a number from -1 to 1/);
    expect(refused(['--days', '1'])).toThrow(/--days/);
    expect(refused(['--days', '61'])).toThrow(/--days must be at most 60/);
    expect(refused(['--repeat', '0'])).toThrow(/--repeat/);
    expect(refused(['--postgres', 'mysql://x'])).toThrow(/postgres:\/\//);
    expect(refused(['--user', '5'])).toThrow(OptionError);
  });
});
