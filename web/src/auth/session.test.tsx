import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { SessionProvider, useSession } from './session';
import { fakeFetch } from '../test-fetch';

// a token whose payload names ana (the app reads it, the server verifies it)
const payload = btoa(JSON.stringify({ sub: 'a1b2', preferred_username: 'ana' })).replace(/=+$/, '');
const token = `h.${payload}.s`;

function Who() {
  const { session, signIn, signOut } = useSession();
  return (
    <div>
      <p>{session.status === 'signedIn' ? `signed in as ${session.identity.username}` : session.status}</p>
      <button onClick={() => void signIn('ana', 'secret-pass')}>sign in</button>
      <button onClick={() => void signOut()}>sign out</button>
    </div>
  );
}

describe('SessionProvider', () => {
  afterEach(() => {
    cleanup();
    localStorage.clear();
  });

  it('signs a reload back in from the session cookie, with an empty body', async () => {
    const calls = fakeFetch({ 'POST /api/v1/auth/token/refresh': [200, { accessToken: token, expiresIn: 300 }] });
    localStorage.setItem('mosaic-session', '1'); // signed in before the reload
    render(<SessionProvider><Who /></SessionProvider>);
    await waitFor(() => expect(screen.getByText('signed in as ana')).toBeTruthy());
    const refreshes = calls.filter((c) => c.path === '/api/v1/auth/token/refresh');
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]!.body).toBe('{}');
  });

  it('is signed out without a session, asking nothing, then signs in as a browser and out again', async () => {
    const calls = fakeFetch({
      'POST /api/v1/auth/token/refresh': [400, { title: 'Bad request', status: 400, detail: 'refreshToken is required' }],
      'POST /api/v1/auth/token': [200, { accessToken: token, expiresIn: 300 }],
      'POST /api/v1/auth/logout': [204],
    });
    render(<SessionProvider><Who /></SessionProvider>);
    await waitFor(() => expect(screen.getByText('signedOut')).toBeTruthy());
    expect(calls).toHaveLength(0);
    fireEvent.click(screen.getByText('sign in'));
    await waitFor(() => expect(screen.getByText('signed in as ana')).toBeTruthy());
    const signIn = calls.find((c) => c.path === '/api/v1/auth/token')!;
    expect(signIn.headers.get('X-Mosaic-Session')).toBe('cookie');
    fireEvent.click(screen.getByText('sign out'));
    await waitFor(() => expect(screen.getByText('signedOut')).toBeTruthy());
    const logout = calls.find((c) => c.path === '/api/v1/auth/logout')!;
    expect(logout.headers.get('Authorization')).toBe(`Bearer ${token}`);
    expect(localStorage.getItem('mosaic-session')).toBeNull();
  });
});
