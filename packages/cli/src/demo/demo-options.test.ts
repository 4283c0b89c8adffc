import { describe, expect, it } from 'vitest';
import { UsageError, parseDemoOptions } from './demo-options.js';

const TOKEN = 'dial_admin_options000000000000000000';
const parse = (args: string[], env: Record<string, string> = { DIAL_ADMIN_TOKEN: TOKEN }) => parseDemoOptions(args, env, () => 'fresh');

describe('parseDemoOptions', () => {
  it('has defaults: the local Dial, the token from the environment, 5,000 users over 14 days, then live', () => {
    expect(parse([])).toEqual({ url: 'http://127.0.0.1:4242', token: TOKEN, users: 5000, days: 14, rate: 2, live: true, seed: 'fresh' });
    expect(parse([], { DIAL_ADMIN_TOKEN: TOKEN, DIAL_PORT: '8080' })).toMatchObject({ url: 'http://127.0.0.1:8080' });
  });

  it('takes --name value and --name=value', () => {
    expect(parse(['--url=https://dial.example.com/', '--token', 'other', '--users', '0', '--days=29', '--rate', '0.5', '--no-live', '--seed', 's 1'])).toEqual({
      url: 'https://dial.example.com',
      token: 'other',
      users: 0,
      days: 29,
      rate: 0.5,
      live: false,
      seed: 's 1',
    });
    expect(parse(['--help'])).toBe('help');
  });

  it.each([
    [['--users', '-1'], '--users must be a whole number from 0 to 1000000, not "-1"'],
    [['--users', '1.5'], '--users must be a whole number'],
    [['--days', '30'], '--days must be a whole number from 1 to 29, not "30"'],
    [['--rate', 'fast'], '--rate must be a number from 0.1 to 1000, not "fast"'],
    [['--url', 'localhost:4242'], '--url must be http or https'],
    [['--url', 'not a url'], '--url must be a URL'],
    [['--users'], '--users needs a value'],
    [['--verbose'], 'unknown option "--verbose"'],
    [['--seed='], '--seed must not be empty'],
  ])('refuses %j', (args, message) => {
    expect(() => parse(args)).toThrow(UsageError);
    expect(() => parse(args)).toThrow(message);
  });

  it('asks for an admin token when there is none', () => {
    expect(() => parse([], {})).toThrow('an admin token is needed: pass --token, or set DIAL_ADMIN_TOKEN');
  });
});
