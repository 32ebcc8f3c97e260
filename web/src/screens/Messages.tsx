import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { chatApi, must, problemMessage, userApi, type Conversation } from '../api/client';
import { useSession } from '../auth/session';
import { Avatar } from '../components/Avatar';
import { useLive } from '../live/Live';
import { Failed, Loading, usePagedList } from '../lib/pages';
import { relativeTime } from '../lib/time';

/** Who a conversation is with, as its list shows it: the title of a group, else the other people's names. */
export function conversationName(c: Conversation, myId?: string): string {
  if (c.title) return c.title;
  const others = (c.participants ?? []).filter((p) => p.id !== myId).map((p) => p.username);
  return others.join(', ') || 'Just you';
}

export function lastMessagePreview(c: Conversation): string {
  const m = c.lastMessage;
  if (!m) return 'No messages yet';
  if (m.type === 'POST_SHARE') return 'Sent a post';
  if (m.type === 'MEDIA') return 'Sent a photo';
  return m.text ?? '';
}

/** The inbox, or the message requests: conversations latest first, unread ones in bold. */
export function Messages({ requests = false }: { requests?: boolean }) {
  const { session } = useSession();
  const myId = session.status === 'signedIn' ? session.identity.id : undefined;
  const { seenMessages } = useLive();
  useEffect(() => seenMessages(), [seenMessages]);
  const { query, items, end } = usePagedList<Conversation>(['conversations', requests ? 'requests' : 'inbox'], (cursor) => requests
    ? must(chatApi.GET('/api/v1/conversations/requests', { params: { query: { cursor } } }))
    : must(chatApi.GET('/api/v1/conversations', { params: { query: { cursor } } })));
  const tab = 'flex-1 border-b-2 py-2 text-center text-sm font-semibold';
  return (
    <section className="mx-auto max-w-lg">
      <header className="flex items-center justify-between p-4">
        <h1 className="text-xl font-semibold">Messages</h1>
        <NewMessage />
      </header>
      <nav className="flex" aria-label="Message lists">
        <Link to="/messages" className={`${tab} ${requests ? 'border-transparent text-neutral-500' : 'border-current'}`}>Inbox</Link>
        <Link to="/messages/requests" className={`${tab} ${requests ? 'border-current' : 'border-transparent text-neutral-500'}`}>Requests</Link>
      </nav>
      {query.isPending ? <Loading /> : query.isError ? <Failed what="The messages did not load." retry={() => void query.refetch()} /> : (
        <ul>
          {items.map((c) => (
            <li key={c.id}>
              <Link to={`/messages/${c.id}`} className="flex items-center gap-3 px-4 py-3 hover:bg-neutral-100 dark:hover:bg-neutral-900">
                <Avatar username={conversationName(c, myId)} url={c.participants?.find((p) => p.id !== myId)?.avatarUrl} size={14} />
                <span className="min-w-0 flex-1">
                  <span className={`block truncate ${c.unreadCount ? 'font-semibold' : ''}`}>{conversationName(c, myId)}</span>
                  <span className={`block truncate text-sm ${c.unreadCount ? 'font-semibold' : 'text-neutral-500'}`}>
                    {lastMessagePreview(c)} · {relativeTime(c.lastMessage?.createdAt ?? c.createdAt)}
                  </span>
                </span>
                {(c.unreadCount ?? 0) > 0 && <span className="h-2 w-2 rounded-full bg-sky-500" aria-label={`${c.unreadCount} unread`} />}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {!query.isPending && items.length === 0 && <p className="p-6 text-center text-neutral-500">{requests ? 'No message requests' : 'Send a message to someone you follow.'}</p>}
      <div ref={end} />
    </section>
  );
}

/** Picks people by name as you type; answers the usernames chosen. */
function PeoplePicker({ chosen, onChange }: { chosen: string[]; onChange: (usernames: string[]) => void }) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['user-search', q],
    queryFn: () => must(userApi.GET('/api/v1/users/search', { params: { query: { q, limit: 8 } } })),
    enabled: q.trim().length > 0,
  });
  return (
    <div>
      <label className="block text-sm">To:
        <input value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search…" autoFocus
          className="ml-2 bg-transparent outline-none" />
      </label>
      {chosen.length > 0 && <p className="text-sm">{chosen.map((u) => (
        <button key={u} type="button" className="mr-1 rounded bg-sky-100 px-2 text-sky-900" onClick={() => onChange(chosen.filter((c) => c !== u))}>{u} ✕</button>
      ))}</p>}
      <ul className="max-h-60 overflow-y-auto">
        {(found.data?.items ?? []).map((user) => (
          <li key={user.id}>
            <button type="button" className="flex w-full items-center gap-2 px-2 py-1 text-left"
              onClick={() => { if (!chosen.includes(user.username!)) onChange([...chosen, user.username!]); setQ(''); }}>
              <Avatar username={user.username} url={user.avatarUrl} /> <span>{user.username}</span>
              <span className="text-sm text-neutral-500">{user.fullName}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A modal over the page; Escape or a click outside closes it. */
export function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  useEffect(() => {
    const close = (e: KeyboardEvent) => { if (e.key === 'Escape') onClose(); };
    addEventListener('keydown', close);
    return () => removeEventListener('keydown', close);
  }, [onClose]);
  return (
    <div className="fixed inset-0 z-30 flex items-center justify-center bg-black/50 p-4" onClick={onClose}>
      <div role="dialog" aria-modal aria-label={title} onClick={(e) => e.stopPropagation()}
        className="w-full max-w-sm rounded-lg bg-white p-4 text-left text-base dark:bg-neutral-900">
        <div className="mb-2 flex items-center justify-between"><h2 className="font-semibold">{title}</h2>
          <button type="button" aria-label="Close" onClick={onClose}>✕</button></div>
        {children}
      </div>
    </div>
  );
}

function NewMessage() {
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const navigate = useNavigate();
  const start = useMutation({
    mutationFn: () => must(chatApi.POST('/api/v1/conversations', { body: { usernames: chosen } })),
    onSuccess: (c) => navigate(`/messages/${c.id}`),
  });
  return (
    <>
      <button type="button" className="text-sm font-semibold text-sky-600" onClick={() => setOpen(true)}>New message</button>
      {open && (
        <Dialog title="New message" onClose={() => setOpen(false)}>
          <PeoplePicker chosen={chosen} onChange={setChosen} />
          {start.isError && <p role="alert" className="text-sm text-red-600">{problemMessage(start.error)}</p>}
          <button type="button" disabled={!chosen.length || start.isPending} onClick={() => start.mutate()}
            className="mt-3 w-full rounded bg-sky-500 py-2 font-semibold text-white disabled:opacity-50">Chat</button>
        </Dialog>
      )}
    </>
  );
}

/** Sends a post to someone in a direct message. */
export function SharePost({ postId, onClose }: { postId: string; onClose: () => void }) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [sent, setSent] = useState(false);
  const send = useMutation({
    mutationFn: async (e: FormEvent) => {
      e.preventDefault();
      for (const username of chosen) {
        const c = await must(chatApi.POST('/api/v1/conversations', { body: { usernames: [username] } }));
        await must(chatApi.POST('/api/v1/conversations/{id}/messages', {
          params: { path: { id: c.id! } }, body: { postId, clientMessageId: crypto.randomUUID() },
        }));
      }
    },
    onSuccess: () => setSent(true),
  });
  return (
    <Dialog title="Share" onClose={onClose}>
      {sent ? <p role="status">Sent.</p> : (
        <form onSubmit={(e) => send.mutate(e)}>
          <PeoplePicker chosen={chosen} onChange={setChosen} />
          {send.isError && <p role="alert" className="text-sm text-red-600">{problemMessage(send.error)}</p>}
          <button disabled={!chosen.length || send.isPending} className="mt-3 w-full rounded bg-sky-500 py-2 font-semibold text-white disabled:opacity-50">Send</button>
        </form>
      )}
    </Dialog>
  );
}
