import { useMutation, useQueryClient } from '@tanstack/react-query';
import { must, userApi, type UserSummary } from '../api/client';
import { UserRow } from '../components/UserRow';
import { Failed, Loading, usePagedList } from '../lib/pages';

/** People who asked to follow your private account: approve or decline each. */
export function FollowRequests() {
  const queryClient = useQueryClient();
  const { query, items, end } = usePagedList<UserSummary>(['follow-requests'], (cursor) =>
    must(userApi.GET('/api/v1/users/me/follow-requests', { params: { query: { cursor } } })));
  const answer = useMutation({
    mutationFn: async ({ username, approve }: { username: string; approve: boolean }) => {
      const path = { params: { path: { username } } };
      await must(approve
        ? userApi.POST('/api/v1/users/me/follow-requests/{username}/approve', path)
        : userApi.POST('/api/v1/users/me/follow-requests/{username}/decline', path));
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['follow-requests'] }),
  });
  return (
    <section className="mx-auto max-w-lg">
      <h1 className="p-4 font-semibold">Follow requests</h1>
      {query.isPending ? <Loading /> : query.isError ? <Failed what="The requests did not load." retry={() => void query.refetch()} /> : (
        <ul>
          {items.map((user) => (
            <UserRow key={user.id} user={user}>
              <button type="button" className="rounded bg-sky-500 px-3 py-1 text-sm font-semibold text-white" disabled={answer.isPending}
                onClick={() => answer.mutate({ username: user.username!, approve: true })}>Confirm</button>
              <button type="button" className="rounded bg-neutral-200 px-3 py-1 text-sm font-semibold dark:bg-neutral-800" disabled={answer.isPending}
                onClick={() => answer.mutate({ username: user.username!, approve: false })}>Delete</button>
            </UserRow>
          ))}
        </ul>
      )}
      {!query.isPending && items.length === 0 && <p className="p-6 text-center text-neutral-500">No requests</p>}
      <div ref={end} />
    </section>
  );
}
