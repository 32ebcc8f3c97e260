import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { must, postApi, problemMessage, type Post } from '../api/client';
import { PostGrid } from '../components/PostGrid';
import { Failed, Loading, usePagedList } from '../lib/pages';

/** Your saved posts, newest saved first, and your collections of them. Only you see these. */
export function Saved() {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const collections = useQuery({ queryKey: ['collections'], queryFn: () => must(postApi.GET('/api/v1/collections')) });
  const { query, items, end } = usePagedList<Post>(['saved'], (cursor) => must(postApi.GET('/api/v1/users/me/saved', { params: { query: { cursor } } })));
  const create = useMutation({
    mutationFn: (e: FormEvent) => { e.preventDefault(); return must(postApi.POST('/api/v1/collections', { body: { name } })); },
    onSuccess: () => { setName(''); void queryClient.invalidateQueries({ queryKey: ['collections'] }); },
  });
  return (
    <section className="mx-auto max-w-3xl">
      <h1 className="p-4 text-xl font-semibold">Saved</h1>
      <ul aria-label="Collections" className="flex gap-3 overflow-x-auto px-4 pb-3">
        {(collections.data?.items ?? []).map((c) => (
          <li key={c.id} className="shrink-0">
            <Link to={`/saved/${c.id}`} className="block w-28 text-sm">
              {c.cover ? <img src={c.cover} alt="" className="h-28 w-28 rounded object-cover" /> : <span aria-hidden className="block h-28 w-28 rounded bg-neutral-200 dark:bg-neutral-800" />}
              <span className="block truncate font-semibold">{c.name}</span>
              <span className="text-neutral-500">{c.postCount} posts</span>
            </Link>
          </li>
        ))}
        <li className="shrink-0">
          <form onSubmit={(e) => create.mutate(e)} className="w-40 text-sm">
            <label>New collection<input value={name} onChange={(e) => setName(e.target.value)} maxLength={50} required
              className="w-full rounded border border-neutral-300 bg-transparent px-2 py-1 dark:border-neutral-700" /></label>
            <button disabled={!name.trim() || create.isPending} className="mt-1 font-semibold text-sky-600 disabled:opacity-40">Create</button>
            {create.isError && <p role="alert" className="text-red-600">{problemMessage(create.error)}</p>}
          </form>
        </li>
      </ul>
      <h2 className="px-4 py-2 font-semibold">All posts</h2>
      {query.isPending ? <Loading /> : query.isError ? <Failed what="Your saved posts did not load." retry={() => void query.refetch()} />
        : items.length ? <PostGrid posts={items} /> : <p className="p-6 text-center text-neutral-500">Save photos to see them again. Only you can see what you save.</p>}
      <div ref={end} />
    </section>
  );
}

/** One collection: rename it, delete it, take posts out, add saved posts to it. */
export function CollectionScreen() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [renaming, setRenaming] = useState<string>();
  const [adding, setAdding] = useState(false);
  const { query, items, end, pages } = usePagedList<Post>(['collection', id], (cursor) =>
    must(postApi.GET('/api/v1/collections/{id}', { params: { path: { id }, query: { cursor } } })));
  const saved = usePagedList<Post>(['saved'], (cursor) => must(postApi.GET('/api/v1/users/me/saved', { params: { query: { cursor } } })), adding);
  const refresh = () => { void queryClient.invalidateQueries({ queryKey: ['collection', id] }); void queryClient.invalidateQueries({ queryKey: ['collections'] }); };
  const rename = useMutation({
    mutationFn: (name: string) => must(postApi.PATCH('/api/v1/collections/{id}', { params: { path: { id } }, body: { name } })),
    onSuccess: () => { setRenaming(undefined); refresh(); },
  });
  const remove = useMutation({
    mutationFn: () => must(postApi.DELETE('/api/v1/collections/{id}', { params: { path: { id } } })),
    onSuccess: () => { void queryClient.invalidateQueries({ queryKey: ['collections'] }); navigate('/saved'); },
  });
  const toggle = useMutation({
    mutationFn: ({ postId, into }: { postId: string; into: boolean }) => must(into
      ? postApi.POST('/api/v1/collections/{id}/posts/{postId}', { params: { path: { id, postId } } })
      : postApi.DELETE('/api/v1/collections/{id}/posts/{postId}', { params: { path: { id, postId } } })),
    onSuccess: refresh,
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <p className="p-10 text-center">Sorry, this collection isn't available.</p>;
  const c = pages[0] as { name?: string; postCount?: number };
  const inside = new Set(items.map((p) => p.id));
  return (
    <section className="mx-auto max-w-3xl">
      <header className="flex flex-wrap items-center gap-3 p-4">
        {renaming === undefined ? <h1 className="text-xl font-semibold">{c.name}</h1> : (
          <form onSubmit={(e) => { e.preventDefault(); rename.mutate(renaming); }}>
            <label><span className="sr-only">Collection name</span><input value={renaming} onChange={(e) => setRenaming(e.target.value)} maxLength={50}
              className="rounded border border-neutral-300 bg-transparent px-2 py-1 dark:border-neutral-700" /></label>
            <button className="ml-2 font-semibold text-sky-600">Save</button>
          </form>
        )}
        <span className="text-neutral-500">{c.postCount} posts</span>
        <button type="button" className="text-sm" onClick={() => setRenaming(c.name ?? '')}>Rename</button>
        <button type="button" className="text-sm" onClick={() => setAdding(!adding)} aria-expanded={adding}>Add from saved</button>
        <button type="button" className="text-sm text-red-600" onClick={() => { if (confirm('Delete this collection? The posts stay saved.')) remove.mutate(); }}>Delete collection</button>
      </header>
      {rename.isError && <p role="alert" className="px-4 text-sm text-red-600">{problemMessage(rename.error)}</p>}
      {adding && (
        <ul aria-label="Saved posts to add" className="grid grid-cols-4 gap-1 p-4">
          {saved.items.map((p) => (
            <li key={p.id}><button type="button" aria-pressed={inside.has(p.id)} onClick={() => toggle.mutate({ postId: p.id!, into: !inside.has(p.id) })}
              className={`relative block w-full ${inside.has(p.id) ? 'ring-4 ring-sky-500' : ''}`}>
              <img src={p.media?.[0]?.variants?.thumb?.url} alt={p.media?.[0]?.altText || p.caption || 'Saved post'} className="aspect-square w-full object-cover" />
            </button></li>
          ))}
          <div ref={saved.end} />
        </ul>
      )}
      {items.length ? <PostGrid posts={items} /> : <p className="p-6 text-center text-neutral-500">No posts in this collection yet.</p>}
      <div ref={end} />
    </section>
  );
}
