import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { must, postApi, problemMessage, type Comment, type Post } from '../api/client';
import { useSession } from '../auth/session';
import { Avatar } from '../components/Avatar';
import { HeartIcon } from '../components/Icons';
import { PostCard } from '../components/PostCard';
import { RichText } from '../components/RichText';
import { UserRow } from '../components/UserRow';
import { Failed, Loading, usePagedList } from '../lib/pages';
import { relativeTime } from '../lib/time';
import { SharePost } from './Messages';

/** One post with its comments and their replies; its author can edit or delete it. */
export function PostDetail() {
  const { id = '' } = useParams();
  const { session } = useSession();
  const me = session.status === 'signedIn' ? session.identity : undefined;
  const post = useQuery({
    queryKey: ['post', id],
    queryFn: () => must(postApi.GET('/api/v1/posts/{id}', { params: { path: { id } } })),
    retry: false,
  });
  const [editing, setEditing] = useState(false);
  if (post.isPending) return <Loading />;
  if (post.isError) {
    return (post.error as { status?: number }).status === 404
      ? <p className="p-10 text-center">Sorry, this post isn't available.</p>
      : <Failed what="The post did not load." retry={() => void post.refetch()} />;
  }
  const p = post.data;
  const own = p.author?.id === me?.id;
  return (
    <div className="mx-auto max-w-lg">
      <PostCard key={`${p.id}-${p.editedAt}`} post={p} menu={<PostMenu post={p} own={own} onEdit={() => setEditing(true)} />} />
      {editing && <EditPost post={p} onDone={() => setEditing(false)} />}
      <Likers post={p} />
      <Comments post={p} postOwner={own} />
    </div>
  );
}

function PostMenu({ post, own, onEdit }: { post: Post; own: boolean; onEdit: () => void }) {
  const [open, setOpen] = useState(false);
  const [sharing, setSharing] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => must(postApi.DELETE('/api/v1/posts/{id}', { params: { path: { id: post.id! } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['feed'] });
      void queryClient.invalidateQueries({ queryKey: ['grid'] });
      navigate(`/u/${post.author?.username}`);
    },
  });
  const item = 'block w-full px-4 py-2 text-left';
  return (
    <span className="relative">
      <button type="button" aria-label="Post options" aria-expanded={open} onClick={() => setOpen(!open)} className="px-2 text-xl">⋯</button>
      {open && (
        <ul role="menu" className="absolute right-0 z-20 mt-1 w-40 rounded border border-neutral-200 bg-white py-1 shadow dark:border-neutral-800 dark:bg-neutral-900">
          <li role="none"><button role="menuitem" type="button" className={item} onClick={() => { setOpen(false); setSharing(true); }}>Send</button></li>
          {own && <li role="none"><button role="menuitem" type="button" className={item} onClick={() => { setOpen(false); onEdit(); }}>Edit</button></li>}
          {own && <li role="none"><button role="menuitem" type="button" className={`${item} text-red-600`}
            onClick={() => { if (confirm('Delete this post?')) remove.mutate(); }}>Delete</button></li>}
        </ul>
      )}
      {sharing && <SharePost postId={post.id!} onClose={() => setSharing(false)} />}
    </span>
  );
}

/** The author changes the caption, alt texts and the comment and like-count settings. */
function EditPost({ post, onDone }: { post: Post; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string>();
  const save = useMutation({
    mutationFn: (form: FormData) => must(postApi.PATCH('/api/v1/posts/{id}', {
      params: { path: { id: post.id! } },
      body: {
        caption: String(form.get('caption')),
        altTexts: Object.fromEntries((post.media ?? []).map((m) => [m.id!, String(form.get(`alt-${m.id}`) ?? '')])),
        commentsDisabled: form.get('commentsDisabled') === 'on',
        hideLikeCount: form.get('hideLikeCount') === 'on',
      },
    })),
    onSuccess: (saved) => {
      queryClient.setQueryData(['post', post.id], saved);
      onDone();
    },
    onError: (e) => setError(problemMessage(e)),
  });
  const submit = (e: FormEvent<HTMLFormElement>) => { e.preventDefault(); save.mutate(new FormData(e.currentTarget)); };
  const input = 'w-full rounded border border-neutral-300 bg-neutral-50 px-3 py-2 dark:border-neutral-700 dark:bg-neutral-900';
  return (
    <form onSubmit={submit} aria-label="Edit post" className="space-y-2 border-b border-neutral-200 p-3 text-sm dark:border-neutral-800">
      <label className="block">Caption<textarea name="caption" defaultValue={post.caption ?? ''} maxLength={2200} rows={3} className={input} /></label>
      {(post.media ?? []).map((m, i) => (
        <label key={m.id} className="block">Alt text of photo {i + 1}<input name={`alt-${m.id}`} defaultValue={m.altText ?? ''} className={input} /></label>
      ))}
      <label className="flex items-center gap-2"><input type="checkbox" name="commentsDisabled" defaultChecked={post.commentsDisabled} /> Turn off commenting</label>
      <label className="flex items-center gap-2"><input type="checkbox" name="hideLikeCount" defaultChecked={post.hideLikeCount} /> Hide like count</label>
      {error && <p role="alert" className="text-red-600">{error}</p>}
      <div className="flex gap-2">
        <button disabled={save.isPending} className="rounded bg-sky-500 px-3 py-1 font-semibold text-white">Save</button>
        <button type="button" onClick={onDone} className="rounded px-3 py-1">Cancel</button>
      </div>
    </form>
  );
}

function Likers({ post }: { post: Post }) {
  const [open, setOpen] = useState(false);
  const { items, end } = usePagedList(['likes', post.id], (cursor) =>
    must(postApi.GET('/api/v1/posts/{id}/likes', { params: { path: { id: post.id! }, query: { cursor } } })), open);
  if (!post.likeCount) return null;
  return (
    <div className="px-3 text-sm">
      <button type="button" className="text-neutral-500" aria-expanded={open} onClick={() => setOpen(!open)}>{open ? 'Hide likes' : 'See who liked this'}</button>
      {open && <ul>{items.map((user) => <UserRow key={user.id} user={user} />)}<div ref={end} /></ul>}
    </div>
  );
}

/** Top-level comments newest first, each with its replies one level down, as on Instagram. */
function Comments({ post, postOwner }: { post: Post; postOwner: boolean }) {
  const queryClient = useQueryClient();
  const [replyTo, setReplyTo] = useState<Comment>();
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const { query, items, end } = usePagedList(['comments', post.id], (cursor) =>
    must(postApi.GET('/api/v1/posts/{id}/comments', { params: { path: { id: post.id! }, query: { cursor } } })));
  const add = useMutation({
    mutationFn: () => must(postApi.POST('/api/v1/posts/{id}/comments', {
      params: { path: { id: post.id! } },
      body: { text, ...(replyTo ? { replyToCommentId: replyTo.id } : {}) },
    })),
    onSuccess: (comment) => {
      setText('');
      setReplyTo(undefined);
      setError(undefined);
      void queryClient.invalidateQueries({ queryKey: ['comments', post.id] });
      if (comment.parentId) void queryClient.invalidateQueries({ queryKey: ['replies', comment.parentId] });
      void queryClient.invalidateQueries({ queryKey: ['post', post.id] });
    },
    onError: (e) => setError(problemMessage(e)),
  });
  const submit = (e: FormEvent) => { e.preventDefault(); if (text.trim()) add.mutate(); };
  return (
    <section aria-label="Comments" className="pb-4">
      {post.commentsDisabled ? <p className="p-3 text-sm text-neutral-500">Commenting is turned off.</p> : (
        <form onSubmit={submit} className="flex items-center gap-2 border-b border-neutral-200 p-3 dark:border-neutral-800">
          <label className="flex-1">
            <span className="sr-only">Add a comment</span>
            {replyTo && <span className="block text-xs text-neutral-500">Replying to @{replyTo.author?.username} <button type="button" onClick={() => setReplyTo(undefined)}>✕</button></span>}
            <input value={text} onChange={(e) => setText(e.target.value)} maxLength={2200} placeholder="Add a comment…"
              className="w-full bg-transparent py-1 outline-none" />
          </label>
          <button disabled={!text.trim() || add.isPending} className="font-semibold text-sky-600 disabled:opacity-40">Post</button>
        </form>
      )}
      {error && <p role="alert" className="px-3 text-sm text-red-600">{error}</p>}
      {query.isPending ? <Loading /> : (
        <ul>
          {items.map((comment) => (
            <CommentItem key={comment.id} comment={comment} postOwner={postOwner}
              onReply={(c) => { setReplyTo(c); setText(`@${c.author?.username} `); }} />
          ))}
        </ul>
      )}
      <div ref={end} />
    </section>
  );
}

function CommentItem({ comment, postOwner, onReply, reply = false }: { comment: Comment; postOwner: boolean; onReply: (c: Comment) => void; reply?: boolean }) {
  const { session } = useSession();
  const queryClient = useQueryClient();
  const mine = session.status === 'signedIn' && comment.author?.id === session.identity.id;
  const [liked, setLiked] = useState(comment.viewer?.liked ?? false);
  const [likes, setLikes] = useState(comment.likeCount ?? 0);
  const [showReplies, setShowReplies] = useState(false);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(comment.text ?? '');
  const id = comment.id!;
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['comments', comment.postId] });
    if (comment.parentId) void queryClient.invalidateQueries({ queryKey: ['replies', comment.parentId] });
    void queryClient.invalidateQueries({ queryKey: ['post', comment.postId] });
  };
  async function like() {
    const want = !liked;
    setLiked(want);
    setLikes((n) => n + (want ? 1 : -1));
    const { data, error } = want
      ? await postApi.POST('/api/v1/comments/{id}/like', { params: { path: { id } } })
      : await postApi.DELETE('/api/v1/comments/{id}/like', { params: { path: { id } } });
    if (error || !data) { setLiked(!want); setLikes((n) => n + (want ? -1 : 1)); return; }
    if (data.likeCount !== undefined) setLikes(data.likeCount);
  }
  const edit = useMutation({
    mutationFn: () => must(postApi.PATCH('/api/v1/comments/{id}', { params: { path: { id } }, body: { text } })),
    onSuccess: () => { setEditing(false); refresh(); },
  });
  const remove = useMutation({
    mutationFn: () => must(postApi.DELETE('/api/v1/comments/{id}', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  return (
    <li className={`flex gap-3 px-3 py-2 ${reply ? 'pl-12' : ''}`} aria-label={`Comment by ${comment.author?.username}`}>
      <Avatar username={comment.author?.username} url={comment.author?.avatarUrl} />
      <div className="min-w-0 flex-1 text-sm">
        {editing ? (
          <form onSubmit={(e) => { e.preventDefault(); edit.mutate(); }} className="flex gap-2">
            <label className="flex-1"><span className="sr-only">Edit your comment</span>
              <input value={text} onChange={(e) => setText(e.target.value)} maxLength={2200} className="w-full rounded border border-neutral-300 bg-transparent px-2 py-1 dark:border-neutral-700" /></label>
            <button className="font-semibold text-sky-600">Save</button>
            <button type="button" onClick={() => setEditing(false)}>Cancel</button>
          </form>
        ) : (
          <p className="whitespace-pre-line break-words"><span className="font-semibold">{comment.author?.username}</span> <RichText text={comment.text ?? ''} mentions={comment.mentions} /></p>
        )}
        <p className="mt-1 flex flex-wrap gap-3 text-xs text-neutral-500">
          <time dateTime={comment.createdAt}>{relativeTime(comment.createdAt)}</time>
          {likes > 0 && <span>{likes} {likes === 1 ? 'like' : 'likes'}</span>}
          {comment.editedAt && <span>Edited</span>}
          <button type="button" onClick={() => onReply(comment)}>Reply</button>
          {mine && !editing && <button type="button" onClick={() => setEditing(true)}>Edit</button>}
          {(mine || postOwner) && <button type="button" onClick={() => remove.mutate()}>Delete</button>}
        </p>
        {!reply && (comment.replyCount ?? 0) > 0 && (
          <button type="button" className="mt-1 text-xs text-neutral-500" aria-expanded={showReplies} onClick={() => setShowReplies(!showReplies)}>
            {showReplies ? 'Hide replies' : `View replies (${comment.replyCount})`}
          </button>
        )}
        {showReplies && <Replies parent={comment} postOwner={postOwner} onReply={onReply} />}
      </div>
      <button type="button" aria-pressed={liked} aria-label={liked ? 'Unlike comment' : 'Like comment'} onClick={() => void like()}
        className={`self-start ${liked ? 'text-red-500' : ''}`}><HeartIcon filled={liked} className="h-4 w-4" /></button>
    </li>
  );
}

function Replies({ parent, postOwner, onReply }: { parent: Comment; postOwner: boolean; onReply: (c: Comment) => void }) {
  const { items, end } = usePagedList(['replies', parent.id], (cursor) =>
    must(postApi.GET('/api/v1/comments/{id}/replies', { params: { path: { id: parent.id! }, query: { cursor } } })));
  return (
    <ul className="-ml-12">
      {items.map((reply) => <CommentItem key={reply.id} comment={reply} postOwner={postOwner} onReply={onReply} reply />)}
      <div ref={end} />
    </ul>
  );
}
