import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { must, postApi, userApi } from '../api/client';
import { UserRow } from '../components/UserRow';

/** The value, once it has stopped changing for `ms`: one search per pause in typing, not per key. */
export function useDebounced<T>(value: T, ms = 250): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

type Tab = 'people' | 'tags' | 'places';

/** People, hashtags and places as you type. */
export function Search() {
  const [text, setText] = useState('');
  const [tab, setTab] = useState<Tab>('people');
  const q = useDebounced(text.trim().replace(tab === 'tags' ? /^#/ : /^@/, ''));
  const enabled = q.length > 0;
  const people = useQuery({ queryKey: ['user-search', q], enabled: enabled && tab === 'people',
    queryFn: () => must(userApi.GET('/api/v1/users/search', { params: { query: { q, limit: 20 } } })) });
  const tags = useQuery({ queryKey: ['hashtag-search', q], enabled: enabled && tab === 'tags',
    queryFn: () => must(postApi.GET('/api/v1/hashtags/search', { params: { query: { q, limit: 20 } } })) });
  const places = useQuery({ queryKey: ['place-search', q], enabled: enabled && tab === 'places',
    queryFn: () => must(postApi.GET('/api/v1/places/search', { params: { query: { q, limit: 20 } } })) });
  const tabClass = (t: Tab) => `flex-1 border-b-2 py-2 text-sm font-semibold ${tab === t ? 'border-current' : 'border-transparent text-neutral-500'}`;
  const current = { people, tags, places }[tab];
  return (
    <section className="mx-auto max-w-lg">
      <h1 className="sr-only">Search</h1>
      <div className="p-3">
        <label><span className="sr-only">Search</span>
          <input type="search" value={text} onChange={(e) => { setText(e.target.value); if (e.target.value.startsWith('#')) setTab('tags'); }}
            placeholder="Search" autoFocus className="w-full rounded-lg bg-neutral-100 px-4 py-2 dark:bg-neutral-900" /></label>
      </div>
      <div role="tablist" className="flex">
        <button type="button" role="tab" aria-selected={tab === 'people'} className={tabClass('people')} onClick={() => setTab('people')}>People</button>
        <button type="button" role="tab" aria-selected={tab === 'tags'} className={tabClass('tags')} onClick={() => setTab('tags')}>Tags</button>
        <button type="button" role="tab" aria-selected={tab === 'places'} className={tabClass('places')} onClick={() => setTab('places')}>Places</button>
      </div>
      <ul aria-label="Results">
        {tab === 'people' && (people.data?.items ?? []).map((u) => <UserRow key={u.id} user={u} />)}
        {tab === 'tags' && (tags.data?.items ?? []).map((t) => (
          <li key={t.tag}><Link to={`/tags/${encodeURIComponent(t.tag!)}`} className="flex justify-between px-4 py-3">
            <span className="font-semibold">#{t.tag}</span><span className="text-sm text-neutral-500">{t.postCount} posts</span></Link></li>
        ))}
        {tab === 'places' && (places.data?.items ?? []).map((p) => (
          <li key={p.id}><Link to={`/places/${p.id}`} className="block px-4 py-3 font-semibold">📍 {p.name}</Link></li>
        ))}
      </ul>
      {enabled && current.isSuccess && !(current.data?.items?.length) && <p className="p-6 text-center text-neutral-500">No results.</p>}
    </section>
  );
}
