import { describe, expect, it } from 'vitest';
import { StatusLine, formatCount, progressLine } from './status-line.js';

function stream(isTTY: boolean, columns?: number) {
  const writes: string[] = [];
  return { writes, isTTY, columns, write: (text: string) => writes.push(text) };
}

describe('progressLine', () => {
  it('shows a bar, the percentage and the counts', () => {
    expect(progressLine('Backfill', 1250, 5000, '9,102 events sent')).toBe('Backfill ██████░░░░░░░░░░░░░░░░░░  25% 1,250/5,000 · 9,102 events sent');
    expect(progressLine('Backfill', 5000, 5000, '', 10)).toBe('Backfill ██████████ 100% 5,000/5,000');
    expect(progressLine('Backfill', 0, 0, '', 4)).toBe('Backfill ████ 100% 0/0');
    expect(formatCount(1234567)).toBe('1,234,567');
  });
});

describe('StatusLine', () => {
  it('redraws one line in place on a terminal, at most every 100 ms, cut to its width', () => {
    let now = 0;
    const out = stream(true, 20);
    const status = new StatusLine(out, { now: () => now });
    status.show('first');
    now = 50;
    status.show('skipped');
    now = 100;
    status.show('a line longer than the terminal is wide');
    status.end('done');
    expect(out.writes).toEqual(['\rfirst\x1b[K', '\ra line longer than \x1b[K', '\rdone\x1b[K', '\n']);
  });

  it('writes plain lines now and then elsewhere, and always the last one', () => {
    let now = 0;
    const out = stream(false);
    const status = new StatusLine(out, { now: () => now, plainIntervalMs: 2000 });
    for (; now <= 5000; now += 500) status.show(`at ${now}`);
    status.end('done');
    expect(out.writes).toEqual(['at 0\n', 'at 2000\n', 'at 4000\n', 'done\n']);
  });
});
