import type { Notification } from '../api/client';

/** "ana", "ana and ben", "ana, ben and carl", "ana, ben and 12 others": the latest actors first. */
export function actorsPhrase(n: Notification): string {
  const names = (n.actors ?? []).map((a) => a.username ?? 'someone');
  const total = Math.max(n.actorCount ?? names.length, names.length);
  if (names.length === 0) return 'Someone';
  if (total === 1) return names[0]!;
  if (total === 2 && names.length >= 2) return `${names[0]} and ${names[1]}`;
  const shown = names.slice(0, 2);
  const others = total - shown.length;
  if (others === 1 && names.length === 3) return `${names[0]}, ${names[1]} and ${names[2]}`;
  return `${shown.join(', ')} and ${others} ${others === 1 ? 'other' : 'others'}`;
}

/** What happened, after the actors: "liked your post.", "commented: nice!". */
export function actionPhrase(n: Notification): string {
  const text = n.comment?.text ? `: ${n.comment.text}` : '.';
  switch (n.type) {
    case 'FOLLOW': return 'started following you.';
    case 'FOLLOW_REQUEST': return 'requested to follow you.';
    case 'FOLLOW_ACCEPTED': return 'accepted your follow request.';
    case 'LIKE': return 'liked your post.';
    case 'COMMENT': return `commented${text}`;
    case 'COMMENT_REPLY': return `replied to your comment${text}`;
    case 'COMMENT_LIKE': return `liked your comment${text}`;
    case 'MENTION': return n.comment ? `mentioned you in a comment${text}` : 'mentioned you in a post.';
    default: return 'did something.';
  }
}

/** Where tapping the notification goes. */
export function notificationLink(n: Notification): string {
  if (n.type === 'FOLLOW_REQUEST') return '/accounts/requests';
  if (n.post?.id) return `/p/${n.post.id}`;
  return `/u/${n.actors?.[0]?.username ?? ''}`;
}
