import { Link } from 'react-router';
import type { Post } from '../api/client';
import { BlurhashImage } from './BlurhashImage';

/** Square thumbnails three across, as on a profile or explore; each opens the post. */
export function PostGrid({ posts }: { posts: Post[] }) {
  return (
    <ul className="grid grid-cols-3 gap-0.5">
      {posts.map((post) => {
        const first = post.media?.[0];
        return (
          <li key={post.id} className="relative">
            <Link to={`/p/${post.id}`} aria-label={`Post by ${post.author?.username}: ${post.caption ?? 'photo'}`}>
              <BlurhashImage src={first?.variants?.small?.url ?? first?.variants?.medium?.url} alt={first?.altText || post.caption || 'Photo'}
                blurhash={first?.blurhash} width={1} height={1} />
              {(post.media?.length ?? 0) > 1 && <span aria-hidden className="absolute right-1 top-1 text-white drop-shadow">❐</span>}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
