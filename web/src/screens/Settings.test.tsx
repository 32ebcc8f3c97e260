import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { Settings } from './Settings';
import { renderScreen } from '../test-render';

const saved = { follow: true, followRequest: true, followAccepted: true, like: true, comment: true, commentReply: true, commentLike: true, mention: true };
const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

describe('Settings', () => {
  afterEach(() => { cleanup(); vi.unstubAllGlobals(); });

  it('keeps a switch where it was moved when a read that started earlier answers later with the old value', async () => {
    let reads = 0;
    let answerLateRead: () => void = () => {};
    const puts: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path !== '/api/v1/notifications/preferences') return new Response(null, { status: 404 });
      if (request.method === 'PUT') {
        const body = await request.text();
        puts.push(body);
        return json({ ...saved, ...JSON.parse(body) });
      }
      // the second read (a refetch on focus) is slow and carries the value from before the PUT
      if (++reads === 1) return json(saved);
      return new Promise<Response>((resolve) => { answerLateRead = () => resolve(json(saved)); });
    }));
    const { queries } = renderScreen(<Settings />);
    const likes = () => screen.getByRole<HTMLInputElement>('switch', { name: 'Likes' });
    await waitFor(() => expect(likes().disabled).toBe(false));
    expect(likes().checked).toBe(true);

    act(() => void queries.invalidateQueries({ queryKey: ['preferences'] }));
    await waitFor(() => expect(reads).toBe(2));
    fireEvent.click(likes());
    expect(likes().checked).toBe(false);
    await waitFor(() => expect(puts).toEqual(['{"like":false}']));
    await act(async () => answerLateRead());
    await waitFor(() => expect(queries.isFetching() + queries.isMutating()).toBe(0));
    expect(likes().checked).toBe(false);
  });
});
