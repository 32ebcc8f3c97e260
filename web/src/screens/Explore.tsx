import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { feedApi, must, postApi, type FeedPage, type Post } from '../api/client';
import { PostGrid } from '../components/PostGrid';
import { Failed, Loading, usePagedList } from '../lib/pages';

function Grid({ queryKey, fetchPage, empty }: { queryKey: unknown[]; fetchPage: (cursor?: string) => Promise<{ items?: Post[]; nextCursor?: string } | undefined>; empty: string }) {
  const { query, items, end } = usePagedList<Post>(queryKey, fetchPage);
  if (query.isPending) return <Loading />;
  if (query.isError) return <Failed what="These posts did not load." retry={() => void query.refetch()} />;
  return <>{items.length ? <PostGrid posts={items} /> : <p className="p-6 text-center text-neutral-500">{empty}</p>}<div ref={end} /></>;
}

/** Popular recent posts of people you do not follow, and the hashtags trending today. */
export function Explore() {
  const trending = useQuery({
    queryKey: ['trending'],
    queryFn: () => must(feedApi.GET('/api/v1/explore/hashtags', { params: { query: { limit: '10' } } })),
  });
  return (
    <section className="mx-auto max-w-3xl">
      <h1 className="sr-only">Explore</h1>
      {(trending.data?.length ?? 0) > 0 && (
        <ul aria-label="Trending hashtags" className="flex gap-2 overflow-x-auto p-3">
          {trending.data!.map((t) => (
            <li key={t.tag}><Link to={`/tags/${encodeURIComponent(t.tag!)}`} className="whitespace-nowrap rounded-full bg-neutral-200 px-3 py-1 text-sm dark:bg-neutral-800">#{t.tag}</Link></li>
          ))}
        </ul>
      )}
      <Grid queryKey={['explore']} empty="Nothing to explore yet."
        fetchPage={async (cursor) => (await must(feedApi.GET('/api/v1/explore', { params: { query: { cursor } } }))) as FeedPage} />
    </section>
  );
}

/** A hashtag's page: how many posts carry it, and the recent public ones. */
export function Tag() {
  const { tag = '' } = useParams();
  const info = useQuery({ queryKey: ['hashtag', tag], retry: false, queryFn: () => must(postApi.GET('/api/v1/hashtags/{tag}', { params: { path: { tag } } })) });
  return (
    <section className="mx-auto max-w-3xl">
      <header className="p-4">
        <h1 className="text-2xl font-semibold">#{tag}</h1>
        {info.data && <p className="text-neutral-500">{info.data.postCount} posts</p>}
      </header>
      {info.isError ? <p className="p-6 text-center text-neutral-500">No posts with #{tag} yet.</p> : (
        <Grid queryKey={['hashtag-posts', tag]} empty="No public posts yet."
          fetchPage={(cursor) => must(postApi.GET('/api/v1/hashtags/{tag}/posts', { params: { path: { tag }, query: { cursor } } }))} />
      )}
    </section>
  );
}

/** A place's page: its name, where it is, and recent public posts tagged there. */
export function PlacePage() {
  const { id = '' } = useParams();
  const place = useQuery({ queryKey: ['place', id], retry: false, queryFn: () => must(postApi.GET('/api/v1/places/{id}', { params: { path: { id } } })) });
  if (place.isPending) return <Loading />;
  if (place.isError) return <p className="p-10 text-center">Sorry, this place isn't available.</p>;
  const p = place.data as { name?: string; lat?: number; lng?: number; postCount?: number };
  return (
    <section className="mx-auto max-w-3xl">
      <header className="p-4">
        <h1 className="text-2xl font-semibold">📍 {p.name}</h1>
        <p className="text-neutral-500">{p.postCount ?? 0} posts
          {p.lat !== undefined && p.lng !== undefined && <> · <a className="text-sky-600" target="_blank" rel="noopener noreferrer"
            href={`https://www.openstreetmap.org/?mlat=${p.lat}&mlon=${p.lng}#map=15/${p.lat}/${p.lng}`}>Map</a></>}</p>
      </header>
      <Grid queryKey={['place-posts', id]} empty="No public posts here yet."
        fetchPage={(cursor) => must(postApi.GET('/api/v1/places/{id}/posts', { params: { path: { id }, query: { cursor } } }))} />
    </section>
  );
}
