import { describe, expect, it } from 'vitest';
import { type SseEvent, SseParser } from './sse-parser.js';

function parse(chunks: string[]): { events: SseEvent[]; retries: number[] } {
  const events: SseEvent[] = [];
  const retries: number[] = [];
  const parser = new SseParser({ event: (e) => events.push(e), retry: (ms) => retries.push(ms) });
  for (const chunk of chunks) parser.push(chunk);
  return { events, retries };
}

describe('SseParser', () => {
  it('reads named events with ids, and retry', () => {
    const { events, retries } = parse(['retry: 1000\n\nevent: ready\nid: 3\ndata: {"version":3}\n\n']);
    expect(retries).toEqual([1000]);
    expect(events).toEqual([{ event: 'ready', data: '{"version":3}', id: '3' }]);
  });

  it('joins data lines, defaults the name to message, and keeps the last id', () => {
    const { events } = parse(['id: 7\ndata: a\ndata: b\n\ndata:c\n\n']);
    expect(events).toEqual([
      { event: 'message', data: 'a\nb', id: '7' },
      { event: 'message', data: 'c', id: '7' },
    ]);
  });

  it('ignores comments, unknown fields and events without data', () => {
    const { events, retries } = parse([': ping\n\nfoo: bar\nevent: x\n\nretry: soon\n\n']);
    expect(events).toEqual([]);
    expect(retries).toEqual([]);
  });

  it('accepts CR, LF and CRLF line ends, also when split across chunks', () => {
    const text = 'event: a\r\ndata: 1\r\n\r\nevent: b\rdata: 2\r\revent: c\ndata: 3\n\n';
    const whole = parse([text]).events;
    expect(whole.map((e) => `${e.event}=${e.data}`)).toEqual(['a=1', 'b=2', 'c=3']);
    for (let cut = 1; cut < text.length; cut++) {
      expect(parse([text.slice(0, cut), text.slice(cut)]).events).toEqual(whole);
    }
    expect(parse([...text]).events).toEqual(whole);
  });

  it('drops a leading byte order mark and an unfinished event', () => {
    const { events } = parse(['\uFEFFdata: x\n\n', 'data: half']);
    expect(events).toEqual([{ event: 'message', data: 'x', id: undefined }]);
  });
});
