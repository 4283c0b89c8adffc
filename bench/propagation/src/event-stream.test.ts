import { describe, expect, it } from 'vitest';
import { EventStreamParser, type ServerSentEvent } from './event-stream.js';

function parse(chunks: readonly string[]) {
  const events: ServerSentEvent[] = [];
  const retries: number[] = [];
  const comments: string[] = [];
  const parser = new EventStreamParser({
    event: (event) => events.push(event),
    retry: (ms) => retries.push(ms),
    comment: (text) => comments.push(text),
  });
  for (const chunk of chunks) parser.push(chunk);
  return { events, retries, comments, parser };
}

const STREAM = 'retry: 1000\n\nevent: snapshot\nid: 7\ndata: {"version":7}\n\n: ping\n\nevent: change\nid: 8\ndata: {"version":8,\ndata: "type":"flag.put"}\n\n';

describe('EventStreamParser', () => {
  it('dispatches events with their type, id and joined data lines, and reports retry and comments', () => {
    const { events, retries, comments, parser } = parse([STREAM]);
    expect(events).toEqual([
      { type: 'snapshot', data: '{"version":7}', lastEventId: '7' },
      { type: 'change', data: '{"version":8,\n"type":"flag.put"}', lastEventId: '8' },
    ]);
    expect(retries).toEqual([1000]);
    expect(comments).toEqual(['ping']);
    expect(parser.lastEventId).toBe('8');
  });

  it('gives the same events however the stream is cut, with LF, CR or CRLF line ends', () => {
    const whole = parse([STREAM]).events;
    for (const ending of ['\n', '\r', '\r\n']) {
      const text = STREAM.replaceAll('\n', ending);
      for (let size = 1; size <= 7; size++) {
        const chunks: string[] = [];
        for (let at = 0; at < text.length; at += size) chunks.push(text.slice(at, at + size));
        expect(parse(chunks).events).toEqual(whole);
      }
    }
  });

  it('holds back an event until its blank line, and drops one without data', () => {
    expect(parse(['event: change\nid: 3\ndata: {}\n']).events).toEqual([]);
    expect(parse(['event: change\nid: 3\n\n']).events).toEqual([]);
    expect(parse(['data\n\n']).events).toEqual([{ type: 'message', data: '', lastEventId: '' }]);
  });

  it('skips a leading byte order mark and ignores unknown fields and a malformed retry', () => {
    const { events, retries } = parse(['\uFEFFretry: soon\nfoo: bar\ndata:x\n\n']);
    expect(events).toEqual([{ type: 'message', data: 'x', lastEventId: '' }]);
    expect(retries).toEqual([]);
  });
});
