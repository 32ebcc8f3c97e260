import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { Profile } from './Profile';
import { fakeFetch } from '../test-fetch';
import { renderScreen } from '../test-render';

const ana = {
  id: 'u1', username: 'ana', fullName: 'Ana Silva', bio: 'Photos of Lisbon', website: 'https://ana.example',
  counts: { posts: 12, followers: 340, following: 80 },
};

describe('Profile', () => {
  afterEach(cleanup);

  it('shows a public account with its counts and grid, and follows it', async () => {
    const calls = fakeFetch({
      'GET /api/v1/users/ana': [200, { ...ana, private: false, viewer: { following: false } }],
      'GET /api/v1/users/ana/posts': [200, { items: [{ id: 'p1', author: { username: 'ana' }, caption: 'Tram 28', media: [{ id: 'm1', altText: 'A yellow tram' }] }] }],
      'POST /api/v1/users/ana/follow': [200, { state: 'FOLLOWING' }],
    });
    renderScreen(<Profile />, { path: '/u/ana', route: '/u/:username' });
    expect(await screen.findByRole('heading', { name: 'ana' })).toBeTruthy();
    expect(screen.getByText('340')).toBeTruthy();
    expect(screen.getByText('Photos of Lisbon')).toBeTruthy();
    expect(await screen.findByAltText('A yellow tram')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Follow' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/users/ana/follow')).toBe(true));
  });

  it('keeps a private account\'s posts and lists closed to someone who does not follow it', async () => {
    const calls = fakeFetch({ 'GET /api/v1/users/ana': [200, { ...ana, private: true, viewer: { following: false, requested: true } }] });
    renderScreen(<Profile />, { path: '/u/ana', route: '/u/:username' });
    expect(await screen.findByText('This account is private')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Requested' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: /followers/ })).toBeNull();
    expect(calls.some((c) => c.path.endsWith('/posts'))).toBe(false);
  });

  it('answers an unknown or blocking account as a page that is not there', async () => {
    fakeFetch({});
    renderScreen(<Profile />, { path: '/u/nobody', route: '/u/:username' });
    expect(await screen.findByText("Sorry, this page isn't available.")).toBeTruthy();
  });
});
