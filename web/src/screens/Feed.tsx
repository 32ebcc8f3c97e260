import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { feedApi, must, userApi, type FeedPage, type Post } from '../api/client';
import { Avatar } from '../components/Avatar';
import { PostCard } from '../components/PostCard';
import { Failed, Loading, usePagedList } from '../lib/pages';

/** How often the feed looks for posts newer than the ones on screen. */
const NEW_POSTS_EVERY_MS = 30_000;

/** The home feed, newest first, loading the next page as its end scrolls into view. */
export function Feed() {
  const queryClient = useQueryClient();
  const { query: feed, items: posts, end, pages } = usePagedList<Post>(['feed'], async (cursor) =>
    (await must(feedApi.GET('/api/v1/feed', { params: { query: { cursor } } }))) as FeedPage);
  // "New posts": the newest post now, compared with the newest on screen, without moving what is being read
  const head = useQuery({
    queryKey: ['feed-head'],
    queryFn: async () => ((await must(feedApi.GET('/api/v1/feed', { params: { query: { limit: 1 } } }))) as FeedPage).items?.[0]?.id ?? null,
    refetchInterval: NEW_POSTS_EVERY_MS,
    enabled: feed.isSuccess,
  });
  const newest = posts[0]?.id;
  const moved = head.data && newest && BigInt(head.data) > BigInt(newest);
  function showNew() {
    window.scrollTo({ top: 0, behavior: 'smooth' });
    void queryClient.resetQueries({ queryKey: ['feed'] });
  }

  if (feed.isPending) return <Loading />;
  if (feed.isError) return <Failed what="The feed did not load." retry={() => void feed.refetch()} />;
  return (
    <div className="mx-auto max-w-lg">
      {moved && <button type="button" onClick={showNew}
        className="fixed left-1/2 top-4 z-20 -translate-x-1/2 rounded-full bg-sky-500 px-4 py-1.5 text-sm font-semibold text-white shadow">↑ New posts</button>}
      {pages[0] && (pages[0] as FeedPage).degraded && <p role="status" className="bg-amber-100 p-2 text-center text-sm text-amber-900">Some details are missing for a moment.</p>}
      {posts.length === 0 ? <EmptyFeed /> : posts.map((post) => <PostCard key={post.id} post={post} />)}
      <div ref={end} />
      {feed.isFetchingNextPage && <Loading what="Loading more…" />}
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
            <Avatar username={user.username} url={user.avatarUrl} size={10} />
            <span className="flex-1">
              <Link to={`/u/${user.username}`} className="block font-semibold">{user.username}</Link>
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
