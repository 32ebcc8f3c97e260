import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { renderScreen } from '../test-render';
import { PostCard } from './PostCard';
import { fakeFetch } from '../test-fetch';
import type { Post } from '../api/client';

const post: Post = {
  id: '123', author: { username: 'ana' }, caption: 'Lisbon light', createdAt: new Date().toISOString(),
  likeCount: 4, commentCount: 2, viewer: { liked: false, saved: false },
  media: [
    { id: 'm1', width: 1080, height: 1080, altText: 'Tram on a hill', variants: { large: { url: '/m1.jpg' } } },
    { id: 'm2', width: 1080, height: 1350, altText: 'The river', variants: { large: { url: '/m2.jpg' } } },
  ],
};

describe('PostCard', () => {
  afterEach(cleanup);

  it('shows each photo with its alt text, the counts and the caption', () => {
    fakeFetch({});
    renderScreen(<PostCard post={post} />);
    expect(screen.getByAltText('Tram on a hill')).toBeTruthy();
    expect(screen.getByAltText('The river')).toBeTruthy();
    expect(screen.getByLabelText('Photo 1 of 2')).toBeTruthy();
    expect(screen.getByText('4 likes')).toBeTruthy();
    expect(screen.getByLabelText('2 comments')).toBeTruthy();
    expect(screen.getByText('Lisbon light')).toBeTruthy();
  });

  it('likes on a double tap and takes the count the API settles on', async () => {
    const calls = fakeFetch({ 'POST /api/v1/posts/123/like': [200, { liked: true, likeCount: 7 }] });
    renderScreen(<PostCard post={post} />);
    fireEvent.doubleClick(screen.getByAltText('Tram on a hill'));
    await waitFor(() => expect(screen.getByText('7 likes')).toBeTruthy());
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /api/v1/posts/123/like']);
    expect(screen.getByRole('button', { name: 'Unlike' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('takes a like back when the API refuses it', async () => {
    fakeFetch({ 'POST /api/v1/posts/123/like': [503, { title: 'Unavailable', status: 503 }] });
    renderScreen(<PostCard post={post} />);
    fireEvent.click(screen.getByRole('button', { name: 'Like' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Like' }).getAttribute('aria-pressed')).toBe('false'));
    expect(screen.getByText('4 likes')).toBeTruthy();
  });

  it('hides the like count when the author chose so', () => {
    fakeFetch({});
    renderScreen(<PostCard post={{ ...post, hideLikeCount: true }} />);
    expect(screen.queryByText('4 likes')).toBeNull();
  });
});
