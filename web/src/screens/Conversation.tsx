import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { chatApi, must, problemMessage, type Message, type Page } from '../api/client';
import { useSession } from '../auth/session';
import { Avatar } from '../components/Avatar';
import { BlurhashImage } from '../components/BlurhashImage';
import { useLive } from '../live/Live';
import { Failed, Loading, usePagedList } from '../lib/pages';
import { relativeTime } from '../lib/time';
import { conversationName } from './Messages';

/** Message ids are 64-bit numbers written as strings: compare them as such. */
const after = (a: string, b: string) => BigInt(a) > BigInt(b);

const TIMERS = [
  { label: 'Off', seconds: 0 }, { label: '1 minute', seconds: 60 }, { label: '1 hour', seconds: 3600 }, { label: '24 hours', seconds: 86_400 },
];

/** One conversation: messages arrive live over the socket, with typing, read receipts and disappearing messages. */
export function ConversationScreen() {
  const { id = '' } = useParams();
  const { session } = useSession();
  const me = session.status === 'signedIn' ? session.identity : undefined;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const live = useLive();
  const conversation = useQuery({
    queryKey: ['conversation', id], retry: false,
    queryFn: () => must(chatApi.GET('/api/v1/conversations/{id}', { params: { path: { id } } })),
  });
  const key = ['messages', id];
  const { query, items, end } = usePagedList<Message>(key, (cursor) =>
    must(chatApi.GET('/api/v1/conversations/{id}/messages', { params: { path: { id }, query: { cursor } } })) as Promise<Page<Message>>);
  const [typing, setTyping] = useState<string>();
  const [readBy, setReadBy] = useState<Record<string, string>>({});
  const [text, setText] = useState('');
  const [timer, setTimer] = useState(0);
  const lastTyping = useRef(0);

  // live frames of this conversation go into the cached pages
  useEffect(() => live.onChat((frame) => {
    if (!('conversationId' in frame) || frame.conversationId !== id) return;
    const edit = (change: (items: Message[]) => Message[]) => queryClient.setQueryData<InfiniteData<Page<Message>>>(key, (data) => data && {
      ...data, pages: data.pages.map((page, i) => ({ ...page, items: i === 0 ? change(page.items ?? []) : page.items })),
    });
    if (frame.type === 'message') {
      edit((list) => list.some((m) => m.id === frame.message.id) ? list : [frame.message, ...list.filter((m) => m.clientMessageId !== frame.message.clientMessageId)]);
      if (frame.message.sender?.id !== me?.id) setTyping(undefined);
    } else if (frame.type === 'typing' && frame.userId !== me?.id) {
      setTyping(frame.username);
    } else if (frame.type === 'read' && frame.userId !== me?.id) {
      setReadBy((r) => ({ ...r, [frame.userId]: frame.upToMessageId }));
    } else if (frame.type === 'unsent') {
      edit((list) => list.filter((m) => m.id !== frame.messageId));
    } else if (frame.type === 'reaction') {
      edit((list) => list.map((m) => m.id !== frame.messageId ? m : {
        ...m, reactions: [...(m.reactions ?? []).filter((r) => r.userId !== frame.userId), ...(frame.emoji ? [{ userId: frame.userId, emoji: frame.emoji }] : [])],
      }));
    }
  }), [live, id, me?.id, queryClient]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!typing) return;
    const t = setTimeout(() => setTyping(undefined), 4000);
    return () => clearTimeout(t);
  }, [typing]);

  // what is on screen has been read: tell the others (and empty the inbox's unread count)
  const newest = items.find((m) => m.sender?.id !== me?.id)?.id;
  useEffect(() => {
    if (!newest) return;
    void chatApi.POST('/api/v1/conversations/{id}/read', { params: { path: { id } }, body: { upToMessageId: newest } })
      .then(() => queryClient.invalidateQueries({ queryKey: ['conversations'] }));
  }, [newest, id, queryClient]);

  // disappearing messages leave the screen when they expire
  const [, tick] = useState(0);
  useEffect(() => {
    const soonest = Math.min(...items.filter((m) => m.expiresAt).map((m) => Date.parse(m.expiresAt!)));
    if (!Number.isFinite(soonest)) return;
    const t = setTimeout(() => tick((n) => n + 1), Math.max(soonest - Date.now(), 0) + 50);
    return () => clearTimeout(t);
  }, [items]);
  const shown = items.filter((m) => !m.expiresAt || Date.parse(m.expiresAt) > Date.now());

  const send = useMutation({
    mutationFn: (body: { text: string; clientMessageId: string; expiresInSeconds?: number }) =>
      must(chatApi.POST('/api/v1/conversations/{id}/messages', { params: { path: { id } }, body })),
    onSuccess: (sent) => {
      const message = sent as Message;
      queryClient.setQueryData<InfiniteData<Page<Message>>>(key, (data) => data && {
        ...data, pages: data.pages.map((page, i) => i > 0 || page.items?.some((m) => m.id === message.id) ? page : { ...page, items: [message, ...(page.items ?? [])] }),
      });
      void queryClient.invalidateQueries({ queryKey: ['conversations'] });
      void queryClient.invalidateQueries({ queryKey: ['conversation', id] });
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return;
    send.mutate({ text, clientMessageId: crypto.randomUUID(), ...(timer ? { expiresInSeconds: timer } : {}) });
    setText('');
  }
  function typed(value: string) {
    setText(value);
    if (Date.now() - lastTyping.current > 2000) {
      lastTyping.current = Date.now();
      live.typing(id);
    }
  }
  const accept = useMutation({
    mutationFn: () => must(chatApi.POST('/api/v1/conversations/{id}/accept', { params: { path: { id } } })),
    onSuccess: () => { void conversation.refetch(); void queryClient.invalidateQueries({ queryKey: ['conversations'] }); },
  });
  const remove = useMutation({
    mutationFn: () => must(chatApi.DELETE('/api/v1/conversations/{id}', { params: { path: { id } } })),
    onSuccess: () => { void queryClient.invalidateQueries({ queryKey: ['conversations'] }); navigate('/messages'); },
  });
  const unsend = useMutation({
    mutationFn: (messageId: string) => must(chatApi.DELETE('/api/v1/conversations/{id}/messages/{messageId}', { params: { path: { id, messageId } } })),
  });
  const react = useMutation({
    mutationFn: ({ messageId, on }: { messageId: string; on: boolean }) => must(on
      ? chatApi.PUT('/api/v1/conversations/{id}/messages/{messageId}/reaction', { params: { path: { id, messageId } }, body: { emoji: '❤️' } })
      : chatApi.DELETE('/api/v1/conversations/{id}/messages/{messageId}/reaction', { params: { path: { id, messageId } } })),
  });

  if (conversation.isPending) return <Loading />;
  if (conversation.isError) return <Failed what="This conversation is not available." />;
  const c = conversation.data;
  const name = conversationName(c, me?.id);
  // "Seen" as Instagram shows it: under your message when it is the last one and someone has read up to it
  const last = shown[0];
  const seen = last?.id && last.sender?.id === me?.id && Object.values(readBy).some((upTo) => !after(last.id!, upTo));
  return (
    <section className="mx-auto flex h-[calc(100dvh-4rem)] max-w-lg flex-col md:h-screen" aria-label={`Conversation with ${name}`}>
      <header className="flex items-center gap-3 border-b border-neutral-200 p-3 dark:border-neutral-800">
        <Link to="/messages" aria-label="Back to messages">‹</Link>
        <Avatar username={name} url={c.participants?.find((p) => p.id !== me?.id)?.avatarUrl} />
        <h1 className="flex-1 truncate font-semibold">{name}</h1>
        {!live.connected && <span className="text-xs text-neutral-500">Connecting…</span>}
      </header>
      {c.request && (
        <div className="border-b border-neutral-200 p-3 text-center text-sm dark:border-neutral-800">
          <p>{name} wants to send you a message. Accept to move it to your inbox.</p>
          <div className="mt-2 flex justify-center gap-2">
            <button type="button" className="rounded bg-sky-500 px-3 py-1 font-semibold text-white" onClick={() => accept.mutate()}>Accept</button>
            <button type="button" className="rounded bg-neutral-200 px-3 py-1 font-semibold dark:bg-neutral-800" onClick={() => remove.mutate()}>Delete</button>
          </div>
        </div>
      )}
      <ol aria-label="Messages" className="flex flex-1 flex-col-reverse gap-1 overflow-y-auto p-3">
        {typing && <li role="status" className="text-sm text-neutral-500">{typing} is typing…</li>}
        {seen && <li className="self-end text-xs text-neutral-500">Seen</li>}
        {shown.map((m) => {
          const mine = m.sender?.id === me?.id;
          const hearted = m.reactions?.some((r) => r.userId === me?.id);
          return (
            <li key={m.id ?? m.clientMessageId} className={`group flex max-w-[80%] flex-col ${mine ? 'items-end self-end' : 'items-start self-start'}`}>
              {!mine && (c.participants?.length ?? 0) > 2 && <span className="text-xs text-neutral-500">{m.sender?.username}</span>}
              <div onDoubleClick={() => react.mutate({ messageId: m.id!, on: !hearted })}
                className={`rounded-2xl px-3 py-2 ${mine ? 'bg-sky-500 text-white' : 'bg-neutral-200 dark:bg-neutral-800'}`}>
                <MessageBody message={m} />
              </div>
              <span className="flex gap-2 text-xs text-neutral-500">
                {(m.reactions ?? []).map((r) => <span key={r.userId} aria-label="reaction">{r.emoji}</span>)}
                {m.expiresAt && <span title={`Disappears at ${new Date(m.expiresAt).toLocaleTimeString()}`}>⏱</span>}
                <time dateTime={m.createdAt} className="hidden group-hover:inline">{relativeTime(m.createdAt)}</time>
                {mine && <button type="button" className="hidden group-hover:inline" onClick={() => unsend.mutate(m.id!)}>Unsend</button>}
              </span>
            </li>
          );
        })}
        <div ref={end} />
        {query.isPending && <Loading />}
      </ol>
      <form onSubmit={submit} className="flex items-center gap-2 border-t border-neutral-200 p-3 dark:border-neutral-800">
        <label className="flex-1"><span className="sr-only">Message</span>
          <input value={text} onChange={(e) => typed(e.target.value)} maxLength={2000} placeholder="Message…"
            className="w-full rounded-full border border-neutral-300 bg-transparent px-4 py-2 dark:border-neutral-700" /></label>
        <label className="text-sm" title="Disappearing messages"><span className="sr-only">Disappearing messages</span>
          <select value={timer} onChange={(e) => setTimer(Number(e.target.value))} className="bg-transparent">
            {TIMERS.map((t) => <option key={t.seconds} value={t.seconds}>⏱ {t.label}</option>)}
          </select></label>
        <button disabled={!text.trim()} className="font-semibold text-sky-600 disabled:opacity-40">Send</button>
      </form>
      {send.isError && <p role="alert" className="px-3 pb-2 text-sm text-red-600">{problemMessage(send.error)}</p>}
    </section>
  );
}

function MessageBody({ message: m }: { message: Message }) {
  if (m.type === 'POST_SHARE') {
    if (!m.post) return <p className="text-sm italic">This post is no longer available.</p>;
    const first = m.post.media?.[0];
    return (
      <Link to={`/p/${m.post.id}`} className="block w-48">
        <span className="block text-sm font-semibold">{m.post.author?.username}</span>
        <BlurhashImage src={first?.variants?.small?.url} alt={first?.altText || 'Shared post'} blurhash={first?.blurhash} width={1} height={1} />
        {m.post.caption && <span className="block truncate text-sm">{m.post.caption}</span>}
      </Link>
    );
  }
  if (m.type === 'MEDIA' && m.media) {
    return <BlurhashImage src={m.media.variants?.small?.url} alt="Photo" blurhash={m.media.blurhash} width={m.media.width} height={m.media.height} className="w-48" />;
  }
  return <p className="whitespace-pre-line break-words">{m.text}</p>;
}
