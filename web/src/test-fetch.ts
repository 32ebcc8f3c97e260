import { vi } from 'vitest';

type Answer = [number, unknown?, Record<string, string>?];

/**
 * A fetch that answers from a table of "METHOD path" → [status, body], and records what was asked. An entry may
 * be a function, called per request, to answer differently each time or later (a promise).
 */
export function fakeFetch(routes: Record<string, Answer | (() => Answer | Promise<Answer>)>) {
  const calls: { method: string; path: string; headers: Headers; body: string }[] = [];
  const fetch = vi.fn(async (input: Request) => {
    const path = new URL(input.url).pathname;
    calls.push({ method: input.method, path, headers: input.headers, body: await input.clone().text() });
    const route = routes[`${input.method} ${path}`] ?? [404, { title: 'Not found', status: 404 }];
    const [status, body, headers] = typeof route === 'function' ? await route() : route;
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
    });
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}
