import { vi } from 'vitest';

/** A fetch that answers from a table of "METHOD path" → [status, body], and records what was asked. */
export function fakeFetch(routes: Record<string, [number, unknown?, Record<string, string>?]>) {
  const calls: { method: string; path: string; headers: Headers; body: string }[] = [];
  const fetch = vi.fn(async (input: Request) => {
    const path = new URL(input.url).pathname;
    calls.push({ method: input.method, path, headers: input.headers, body: await input.clone().text() });
    const [status, body, headers] = routes[`${input.method} ${path}`] ?? [404, { title: 'Not found', status: 404 }];
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
    });
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}
