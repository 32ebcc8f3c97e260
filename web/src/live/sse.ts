/** One Server-Sent Event as the stream framed it. */
export type ServerEvent = { event: string; data: string; id?: string };

/**
 * Reads text/event-stream chunks into events (the WHATWG framing: fields up to a blank line, `data` lines joined
 * by newlines, comment lines ignored). Chunks may split lines and events anywhere.
 */
export function eventParser(onEvent: (event: ServerEvent) => void) {
  let buffer = '';
  let event = 'message';
  let data: string[] = [];
  let id: string | undefined;
  return (chunk: string) => {
    buffer += chunk;
    let newline: number;
    while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
      if (line === '') {
        if (data.length) onEvent({ event, data: data.join('\n'), ...(id !== undefined ? { id } : {}) });
        event = 'message';
        data = [];
        id = undefined;
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
    }
  };
}

/**
 * Follows a stream with fetch rather than EventSource, which cannot send headers: the access token goes in the
 * Authorization header (never in a URL a proxy may log) and, after a drop, Last-Event-ID brings what was missed.
 * Reconnects until `signal` aborts, asking `token()` each time so that a renewed token is used.
 */
export async function followStream(url: string, token: () => string | null, onEvent: (event: ServerEvent) => void,
  signal: AbortSignal, onUnauthorized: () => Promise<boolean>) {
  let lastId: string | undefined;
  let pause = 1000;
  while (!signal.aborted) {
    try {
      const headers: Record<string, string> = { Accept: 'text/event-stream' };
      const bearer = token();
      if (bearer) headers.Authorization = `Bearer ${bearer}`;
      if (lastId) headers['Last-Event-ID'] = lastId;
      const response = await fetch(url, { headers, signal });
      if (response.status === 401 && !(await onUnauthorized())) return;
      if (response.status === 400 && lastId) lastId = undefined; // an id this stream no longer knows: start afresh
      if (response.ok && response.body) {
        pause = 1000;
        const parse = eventParser((e) => { if (e.id) lastId = e.id; onEvent(e); });
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          parse(value);
        }
        continue; // the server closes streams after a while; reconnect at once
      }
    } catch {
      if (signal.aborted) return;
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(pause * 2, 30_000);
  }
}
