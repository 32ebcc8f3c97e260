import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { chatApi, must, postApi, problemMessage, userApi, type Profile as ProfileView } from '../api/client';
import { useSession } from '../auth/session';
import { Avatar } from '../components/Avatar';
import { PostGrid } from '../components/PostGrid';
import { Failed, Loading, usePagedList } from '../lib/pages';

const button = 'rounded px-4 py-1.5 text-sm font-semibold';
const primary = `${button} bg-sky-500 text-white disabled:opacity-50`;
const secondary = `${button} bg-neutral-200 dark:bg-neutral-800`;

/** A person's page: picture, name, bio, website, counts, what you are to each other, and their grid. */
export function Profile() {
  const { username = '' } = useParams();
  const { session } = useSession();
  const own = session.status === 'signedIn' && session.identity.username === username;
  const profile = useQuery({
    queryKey: ['profile', username],
    queryFn: () => must(userApi.GET('/api/v1/users/{username}', { params: { path: { username } } })),
    retry: false,
  });
  if (profile.isPending) return <Loading />;
  if (profile.isError) {
    return (profile.error as { status?: number }).status === 404
      ? <section className="p-10 text-center"><h1 className="text-xl font-semibold">Sorry, this page isn't available.</h1>
        <p className="mt-2 text-neutral-500">The link may be broken, or the account may have been removed.</p></section>
      : <Failed what="The profile did not load." retry={() => void profile.refetch()} />;
  }
  const p = profile.data;
  const visible = own || !p.private || p.viewer?.following;
  return (
    <div className="mx-auto max-w-3xl">
      <header className="flex gap-6 p-4 md:gap-12 md:p-8">
        <Avatar username={p.username} url={p.avatarUrl} size={20} />
        <div className="min-w-0 flex-1 space-y-3">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="mr-2 text-xl">{p.username}</h1>
            {own ? <>
              <Link to="/accounts/edit" className={secondary}>Edit profile</Link>
              {p.private && <Link to="/accounts/requests" className={secondary}>Follow requests</Link>}
              <Link to="/saved" className={secondary}>Saved</Link>
              <Link to="/settings" className={secondary}>Settings</Link>
            </> : <Relationship profile={p} />}
          </div>
          <ul className="flex gap-6 text-sm">
            <li><b>{p.counts?.posts ?? 0}</b> posts</li>
            <li>{visible ? <Link to={`/u/${p.username}/followers`}><b>{p.counts?.followers ?? 0}</b> followers</Link> : <><b>{p.counts?.followers ?? 0}</b> followers</>}</li>
            <li>{visible ? <Link to={`/u/${p.username}/following`}><b>{p.counts?.following ?? 0}</b> following</Link> : <><b>{p.counts?.following ?? 0}</b> following</>}</li>
          </ul>
          <div className="text-sm">
            {p.fullName && <p className="font-semibold">{p.fullName}</p>}
            {p.accountType && p.accountType !== 'PERSONAL' && <p className="text-neutral-500">{p.accountType === 'CREATOR' ? 'Creator' : 'Business'}</p>}
            {p.bio && <p className="whitespace-pre-line">{p.bio}</p>}
            {p.website && <a href={p.website} rel="nofollow noopener noreferrer" target="_blank" className="font-semibold text-sky-800 dark:text-sky-300">{p.website.replace(/^https?:\/\//, '')}</a>}
          </div>
        </div>
      </header>
      {visible ? <Grid username={own ? 'me' : p.username!} /> : (
        <section className="border-t border-neutral-200 p-10 text-center dark:border-neutral-800">
          <h2 className="font-semibold">This account is private</h2>
          <p className="text-sm text-neutral-500">Follow to see their photos and videos.</p>
        </section>
      )}
    </div>
  );
}

function Grid({ username }: { username: string }) {
  const { query, items, end } = usePagedList(['grid', username], (cursor) =>
    must(postApi.GET('/api/v1/users/{username}/posts', { params: { path: { username }, query: { cursor } } })));
  if (query.isPending) return <Loading />;
  if (query.isError) return <Failed what="The posts did not load." retry={() => void query.refetch()} />;
  return (
    <section className="border-t border-neutral-200 dark:border-neutral-800">
      {items.length === 0 ? <p className="p-10 text-center text-neutral-500">No posts yet</p> : <PostGrid posts={items} />}
      <div ref={end} />
    </section>
  );
}

/** Follow, Requested or Following, Message, and a menu to block or mute. */
function Relationship({ profile }: { profile: ProfileView }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const username = profile.username!;
  const viewer = profile.viewer ?? {};
  const [menu, setMenu] = useState(false);
  const [error, setError] = useState<string>();
  const act = useMutation({
    mutationFn: async (what: 'follow' | 'unfollow' | 'block' | 'unblock' | 'mute' | 'unmute') => {
      const path = { params: { path: { username } } };
      const call = {
        follow: () => userApi.POST('/api/v1/users/{username}/follow', path),
        unfollow: () => userApi.DELETE('/api/v1/users/{username}/follow', path),
        block: () => userApi.POST('/api/v1/users/{username}/block', path),
        unblock: () => userApi.DELETE('/api/v1/users/{username}/block', path),
        mute: () => userApi.POST('/api/v1/users/{username}/mute', path),
        unmute: () => userApi.DELETE('/api/v1/users/{username}/mute', path),
      }[what];
      await must(call());
    },
    onMutate: () => { setMenu(false); setError(undefined); },
    onError: (e) => setError(problemMessage(e)),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['profile', username] });
      void queryClient.invalidateQueries({ queryKey: ['grid', username] });
      void queryClient.invalidateQueries({ queryKey: ['feed'] });
    },
  });
  const message = useMutation({
    mutationFn: () => must(chatApi.POST('/api/v1/conversations', { body: { usernames: [username] } })),
    onSuccess: (conversation) => navigate(`/messages/${conversation.id}`),
    onError: (e) => setError(problemMessage(e)),
  });
  return (
    <>
      {viewer.blocking
        ? <button type="button" className={primary} disabled={act.isPending} onClick={() => act.mutate('unblock')}>Unblock</button>
        : viewer.following
          ? <button type="button" className={secondary} disabled={act.isPending} onClick={() => act.mutate('unfollow')}>Following</button>
          : viewer.requested
            ? <button type="button" className={secondary} disabled={act.isPending} onClick={() => act.mutate('unfollow')}>Requested</button>
            : <button type="button" className={primary} disabled={act.isPending} onClick={() => act.mutate('follow')}>{viewer.followedBy ? 'Follow back' : 'Follow'}</button>}
      {!viewer.blocking && <button type="button" className={secondary} disabled={message.isPending} onClick={() => message.mutate()}>Message</button>}
      <div className="relative">
        <button type="button" aria-label="Options" aria-expanded={menu} onClick={() => setMenu(!menu)} className="px-2 text-xl">⋯</button>
        {menu && (
          <ul role="menu" className="absolute right-0 z-20 mt-1 w-44 rounded border border-neutral-200 bg-white py-1 shadow dark:border-neutral-800 dark:bg-neutral-900">
            <li role="none"><button role="menuitem" type="button" className="w-full px-4 py-2 text-left text-red-600" onClick={() => act.mutate(viewer.blocking ? 'unblock' : 'block')}>{viewer.blocking ? 'Unblock' : 'Block'}</button></li>
            {!viewer.blocking && <li role="none"><button role="menuitem" type="button" className="w-full px-4 py-2 text-left" onClick={() => act.mutate(viewer.muting ? 'unmute' : 'mute')}>{viewer.muting ? 'Unmute' : 'Mute'}</button></li>}
          </ul>
        )}
      </div>
      {error && <p role="alert" className="w-full text-sm text-red-600">{error}</p>}
    </>
  );
}
