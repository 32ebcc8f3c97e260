import { useParams } from 'react-router';
import { must, userApi, type UserSummary } from '../api/client';
import { UserRow } from '../components/UserRow';
import { Failed, Loading, usePagedList } from '../lib/pages';

/** A person's followers or the people they follow. */
export function People({ which }: { which: 'followers' | 'following' }) {
  const { username = '' } = useParams();
  const { query, items, end } = usePagedList<UserSummary>([which, username], (cursor) => which === 'followers'
    ? must(userApi.GET('/api/v1/users/{username}/followers', { params: { path: { username }, query: { cursor } } }))
    : must(userApi.GET('/api/v1/users/{username}/following', { params: { path: { username }, query: { cursor } } })));
  return (
    <section className="mx-auto max-w-lg">
      <h1 className="p-4 text-center font-semibold">{which === 'followers' ? 'Followers' : 'Following'}</h1>
      {query.isPending ? <Loading /> : query.isError ? <Failed what="This list is not available." /> : (
        <ul>{items.map((user) => <UserRow key={user.id} user={user} />)}</ul>
      )}
      {!query.isPending && items.length === 0 && <p className="p-6 text-center text-neutral-500">No one yet</p>}
      <div ref={end} />
    </section>
  );
}
