import { useEffect, useRef } from 'react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { feedApi, userApi, type FeedPage } from '../api/client';
import { PostCard } from '../components/PostCard';

/** The home feed, newest first, loading the next page as its end scrolls into view. */
export function Feed() {
  const feed = useInfiniteQuery({
    queryKey: ['feed'],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) => {
      const { data, error } = await feedApi.GET('/api/v1/feed', { params: { query: { cursor: pageParam } } });
      if (error) throw error;
      return data as FeedPage;
    },
    getNextPageParam: (last) => last.nextCursor,
  });
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const sentinel = end.current;
    if (!sentinel || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => {
      if (entry?.isIntersecting && feed.hasNextPage && !feed.isFetchingNextPage) void feed.fetchNextPage();
    }, { rootMargin: '600px' });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [feed]);

  const posts = feed.data?.pages.flatMap((p) => p.items ?? []) ?? [];
  if (feed.isPending) return <p className="p-6 text-center text-neutral-500">Loading…</p>;
  if (feed.isError) return <p role="alert" className="p-6 text-center">The feed did not load. <button className="text-sky-600" onClick={() => void feed.refetch()}>Try again</button></p>;
  return (
    <div className="mx-auto max-w-lg">
      {feed.data.pages[0]?.degraded && <p role="status" className="bg-amber-100 p-2 text-center text-sm text-amber-900">Some details are missing for a moment.</p>}
      {posts.length === 0 ? <EmptyFeed /> : posts.map((post) => <PostCard key={post.id} post={post} />)}
      <div ref={end} />
      {feed.isFetchingNextPage && <p className="p-4 text-center text-neutral-500">Loading more…</p>}
    </div>
  );
}

/** Nothing to show yet: people worth following, as Instagram suggests them. */
function EmptyFeed() {
  const queryClient = useQueryClient();
  const suggestions = useQuery({
    queryKey: ['suggestions'],
    queryFn: async () => (await userApi.GET('/api/v1/users/suggestions', { params: { query: { limit: 10 } } })).data?.items ?? [],
  });
  const follow = useMutation({
    mutationFn: async (username: string) => {
      const { error } = await userApi.POST('/api/v1/users/{username}/follow', { params: { path: { username } } });
      if (error) throw error;
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['suggestions'] });
      void queryClient.invalidateQueries({ queryKey: ['feed'] });
    },
  });
  return (
    <section className="p-6 text-center">
      <h2 className="text-xl font-semibold">Welcome to Mosaic</h2>
      <p className="mt-1 text-neutral-500">Follow people to see their photos here.</p>
      <ul className="mt-6 space-y-3 text-left">
        {(suggestions.data ?? []).map(({ user, followedBy }) => user?.username && (
          <li key={user.id} className="flex items-center gap-3">
            <span aria-hidden className="flex h-10 w-10 items-center justify-center rounded-full bg-neutral-300 dark:bg-neutral-700">{user.username.charAt(0).toUpperCase()}</span>
            <span className="flex-1">
              <span className="block font-semibold">{user.username}</span>
              <span className="block text-sm text-neutral-500">{followedBy ? `Followed by ${followedBy} you follow` : user.fullName}</span>
            </span>
            <button type="button" onClick={() => follow.mutate(user.username!)} disabled={follow.isPending}
              className="rounded bg-sky-500 px-3 py-1 text-sm font-semibold text-white">Follow</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
