import { afterEach, describe, expect, it, vi } from 'vitest';
import { postApi, setAccessToken, whenUnauthorized } from './client';

describe('the API client', () => {
  afterEach(() => setAccessToken(null));

  it('refreshes once on a 401 and sends the request again with the new token', async () => {
    let refreshed = 0;
    setAccessToken('old');
    whenUnauthorized(async () => { refreshed++; setAccessToken('new'); return true; });
    const calls: string[] = [];
    vi.stubGlobal('fetch', async (request: Request) => {
      const auth = request.headers.get('Authorization') ?? '';
      calls.push(auth);
      return auth === 'Bearer new'
        ? new Response(JSON.stringify({ liked: true, likeCount: 1 }), { status: 200, headers: { 'Content-Type': 'application/json' } })
        : new Response(null, { status: 401 });
    });
    const { data } = await postApi.POST('/api/v1/posts/{id}/like', { params: { path: { id: '1' } } });
    expect(data).toEqual({ liked: true, likeCount: 1 });
    expect(refreshed).toBe(1);
    expect(calls).toEqual(['Bearer old', 'Bearer new']);
  });

  it('gives up when the refresh fails: the 401 stands', async () => {
    setAccessToken('old');
    whenUnauthorized(async () => false);
    vi.stubGlobal('fetch', async () => new Response(null, { status: 401 }));
    const { response } = await postApi.GET('/api/v1/posts/{id}', { params: { path: { id: '1' } } });
    expect(response.status).toBe(401);
  });
});
