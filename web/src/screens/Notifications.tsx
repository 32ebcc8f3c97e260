import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { must, notificationApi, type Notification } from '../api/client';
import { Avatar } from '../components/Avatar';
import { useLive } from '../live/Live';
import { actionPhrase, actorsPhrase, notificationLink } from '../lib/notifications';
import { Failed, Loading, usePagedList } from '../lib/pages';
import { relativeTime } from '../lib/time';

/** Activity, latest first, grouped as the service groups it; it updates live from the stream. */
export function Notifications() {
  const queryClient = useQueryClient();
  const { unreadNotifications } = useLive();
  const { query, items, end } = usePagedList<Notification>(['notifications'], (cursor) =>
    must(notificationApi.GET('/api/v1/notifications', { params: { query: { cursor } } })));
  const markRead = useMutation({
    mutationFn: (ids?: string[]) => must(notificationApi.POST('/api/v1/notifications/read', { body: ids ? { ids } : {} })),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
  // looking at the list reads what it shows (the badge clears, as on Instagram); the unread stay marked until they
  // leave the screen, so that what is new is still told apart
  const [newOnes] = useState(() => new Set<string>());
  const unseen = items.filter((n) => !n.read && n.id && !newOnes.has(n.id)).map((n) => n.id!);
  const { mutate } = markRead;
  useEffect(() => {
    if (!unseen.length) return;
    unseen.forEach((id) => newOnes.add(id));
    mutate(unseen);
  }, [unseen.join(), mutate]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <section className="mx-auto max-w-lg">
      <header className="flex items-center justify-between p-4">
        <h1 className="text-xl font-semibold">Notifications</h1>
        {unreadNotifications > 0 && <button type="button" className="text-sm font-semibold text-sky-600" onClick={() => markRead.mutate(undefined)}>Mark all as read</button>}
      </header>
      {query.isPending ? <Loading /> : query.isError ? <Failed what="The notifications did not load." retry={() => void query.refetch()} /> : (
        <ul aria-label="Activity">
          {items.map((n) => (
            <li key={n.id} className={newOnes.has(n.id!) ? 'bg-sky-50 dark:bg-sky-950/40' : ''}>
              <Link to={notificationLink(n)} className="flex items-center gap-3 px-4 py-2">
                <Avatar username={n.actors?.[0]?.username} url={n.actors?.[0]?.avatarUrl} size={10} />
                <p className="min-w-0 flex-1 text-sm">
                  <span className="font-semibold">{actorsPhrase(n)}</span> {actionPhrase(n)}{' '}
                  <time dateTime={n.updatedAt} className="text-neutral-500">{relativeTime(n.updatedAt)}</time>
                  {newOnes.has(n.id!) && <span className="sr-only"> (new)</span>}
                </p>
                {n.post?.thumbUrl && <img src={n.post.thumbUrl} alt="" className="h-11 w-11 object-cover" />}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {!query.isPending && items.length === 0 && <p className="p-6 text-center text-neutral-500">Activity on your posts will show here.</p>}
      <div ref={end} />
    </section>
  );
}
