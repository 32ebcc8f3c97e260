import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { Settings } from './Settings';
import { fakeFetch } from '../test-fetch';
import { renderScreen } from '../test-render';

const PREFERENCES = '/api/v1/notifications/preferences';
const saved = { follow: true, followRequest: true, followAccepted: true, like: true, comment: true, commentReply: true, commentLike: true, mention: true };
const likes = () => screen.getByRole<HTMLInputElement>('switch', { name: 'Likes' });

describe('Settings', () => {
  afterEach(() => { cleanup(); vi.unstubAllGlobals(); });

  it('keeps a switch where it was moved when a read that started earlier answers later with the old value', async () => {
    let reads = 0;
    let answerLateRead: () => void = () => {};
    const calls = fakeFetch({
      // the second read (a refetch on focus) is slow and carries the value from before the PUT
      [`GET ${PREFERENCES}`]: () => (++reads === 1 ? [200, saved]
        : new Promise((resolve) => { answerLateRead = () => resolve([200, saved]); })),
      [`PUT ${PREFERENCES}`]: [200, { ...saved, like: false }],
    });
    const { queries } = renderScreen(<Settings />);
    await waitFor(() => expect(likes().disabled).toBe(false));
    expect(likes().checked).toBe(true);

    act(() => void queries.invalidateQueries({ queryKey: ['preferences'] }));
    await waitFor(() => expect(reads).toBe(2));
    fireEvent.click(likes());
    expect(likes().checked).toBe(false);
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual(['{"like":false}']));
    await act(async () => answerLateRead());
    await waitFor(() => expect(queries.isFetching() + queries.isMutating()).toBe(0));
    expect(likes().checked).toBe(false);
  });

  it('puts a switch back when the change is refused', async () => {
    fakeFetch({
      [`GET ${PREFERENCES}`]: [200, saved],
      [`PUT ${PREFERENCES}`]: [503, { title: 'Service Unavailable', status: 503, detail: 'Try again shortly.' }],
    });
    renderScreen(<Settings />);
    await waitFor(() => expect(likes().disabled).toBe(false));
    fireEvent.click(likes());
    expect(likes().checked).toBe(false);
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(likes().checked).toBe(true);
  });
});
