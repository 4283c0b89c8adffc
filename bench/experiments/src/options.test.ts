import { describe, expect, it } from 'vitest';
import { OptionError, parseOptions } from './options.js';

describe('the experiments benchmark’s options', () => {
  it('default to a million units and ten million events, or the small size, with explicit sizes winning', () => {
    expect(parseOptions([], {})).toMatchObject({ units: 1_000_000, events: 10_000_000, repeat: 20, direct: 3, refreshSeconds: 1, check: true });
    expect(parseOptions(['--small'], {})).toMatchObject({ units: 20_000, events: 200_000 });
    expect(parseOptions(['--small', '--units', '1000'], {})).toMatchObject({ units: 1000, events: 10_000 });
    expect(parseOptions(['--no-check', '--direct', '0', '--postgres', 'postgres://x@h/db'], {})).toMatchObject({ check: false, direct: 0, postgres: 'postgres://x@h/db' });
    expect(parseOptions([], { DATABASE_URL: 'postgresql://y@h/db' }).postgres).toBe('postgresql://y@h/db');
  });

  it('refuse what the run cannot do, naming the option', () => {
    expect(() => parseOptions(['--units', '10', '--events', '49'], {})).toThrow(/--events must be at least 5 per unit \(50 for 10 units\)/);
    expect(() => parseOptions(['--repeat', '0'], {})).toThrow(/--repeat must be an integer of at least 1/);
    expect(() => parseOptions(['--days', '61'], {})).toThrow(/--days must be at most 60/);
    expect(() => parseOptions(['--seed', '2'], {})).toThrow(/--seed must be a number from -1 to 1/);
    expect(() => parseOptions(['--postgres', 'mysql://h'], {})).toThrow(OptionError);
    expect(() => parseOptions(['--colour'], {})).toThrow(OptionError);
  });
});
