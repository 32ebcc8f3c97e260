import { describe, expect, it } from 'vitest';
import { eventParser, type ServerEvent } from './sse';

describe('eventParser', () => {
  it('frames events split anywhere across chunks, skipping heartbeats', () => {
    const events: ServerEvent[] = [];
    const parse = eventParser((e) => events.push(e));
    const stream = 'event:unread\ndata:{"count":2}\n\n: heartbeat\n\nid:7\nevent:notification\ndata:{"id":"1",\ndata: "type":"LIKE"}\n\r\n';
    for (let i = 0; i < stream.length; i += 5) parse(stream.slice(i, i + 5));
    expect(events).toEqual([
      { event: 'unread', data: '{"count":2}' },
      { event: 'notification', data: '{"id":"1",\n"type":"LIKE"}', id: '7' },
    ]);
  });

  it('names an event without an event field "message"', () => {
    const events: ServerEvent[] = [];
    eventParser((e) => events.push(e))('data: hello\n\n');
    expect(events).toEqual([{ event: 'message', data: 'hello' }]);
  });
});
