import { useState } from 'react';
import { Link } from 'react-router';
import { postApi, type Post } from '../api/client';
import { Avatar } from './Avatar';
import { RichText } from './RichText';
import { relativeTime } from '../lib/time';
import { Carousel } from './Carousel';
import { BookmarkIcon, CommentIcon, HeartIcon } from './Icons';

/** A post in the feed: its author, photos, like (the heart or a double tap), save, counts, caption and age. */
export function PostCard({ post, menu }: { post: Post; menu?: React.ReactNode }) {
  const [liked, setLiked] = useState(post.viewer?.liked ?? false);
  const [likes, setLikes] = useState(post.likeCount ?? 0);
  const [saved, setSaved] = useState(post.viewer?.saved ?? false);
  const id = post.id!;

  async function like(want: boolean) {
    if (want === liked) return;
    setLiked(want); // optimistic; the answer brings the settled count
    setLikes((n) => n + (want ? 1 : -1));
    const { data, error } = want
      ? await postApi.POST('/api/v1/posts/{id}/like', { params: { path: { id } } })
      : await postApi.DELETE('/api/v1/posts/{id}/like', { params: { path: { id } } });
    if (error || !data) {
      setLiked(!want);
      setLikes((n) => n + (want ? -1 : 1));
      return;
    }
    setLiked(data.liked ?? want);
    if (data.likeCount !== undefined) setLikes(data.likeCount);
  }

  async function save(want: boolean) {
    setSaved(want);
    const { error } = want
      ? await postApi.POST('/api/v1/posts/{id}/save', { params: { path: { id } } })
      : await postApi.DELETE('/api/v1/posts/{id}/save', { params: { path: { id } } });
    if (error) setSaved(!want);
  }

  const author = post.author?.username ?? '';
  return (
    <article className="border-b border-neutral-200 pb-3 dark:border-neutral-800" aria-label={`Post by ${author}`}>
      <header className="flex items-center gap-2 px-3 py-2">
        <Avatar username={author} url={post.author?.avatarUrl} />
        <span className="min-w-0">
          <span className="flex items-center gap-1">
            <Link to={`/u/${author}`} className="font-semibold">{author}</Link>
            <Link to={`/p/${id}`} className="text-sm text-neutral-500"><time dateTime={post.createdAt}>• {relativeTime(post.createdAt)}</time></Link>
          </span>
          {post.location?.id && <Link to={`/places/${post.location.id}`} className="block truncate text-xs">{post.location.name}</Link>}
        </span>
        {menu && <span className="ml-auto">{menu}</span>}
      </header>
      <Carousel media={post.media ?? []} onDoubleClick={() => void like(true)} />
      <div className="flex items-center gap-4 px-3 pt-2">
        <button type="button" aria-pressed={liked} aria-label={liked ? 'Unlike' : 'Like'} onClick={() => void like(!liked)}
          className={liked ? 'text-red-500' : ''}><HeartIcon filled={liked} /></button>
        <Link to={`/p/${id}`} aria-label={`${post.commentCount ?? 0} comments`} className="flex items-center gap-1"><CommentIcon /> {post.commentCount ?? 0}</Link>
        <button type="button" aria-pressed={saved} aria-label={saved ? 'Remove from saved' : 'Save'} onClick={() => void save(!saved)}
          className="ml-auto"><BookmarkIcon filled={saved} /></button>
      </div>
      {!post.hideLikeCount && <p className="px-3 pt-1 text-sm font-semibold">{likes} {likes === 1 ? 'like' : 'likes'}</p>}
      {post.caption && <p className="whitespace-pre-line break-words px-3 pt-1 text-sm"><Link to={`/u/${author}`} className="font-semibold">{author}</Link> <RichText text={post.caption} mentions={post.mentions} /></p>}
      {post.editedAt && <p className="px-3 text-xs text-neutral-500">Edited</p>}
    </article>
  );
}
