import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Avatar } from './Avatar';

type Person = { username?: string; fullName?: string; avatarUrl?: string };

/** A person in a list: picture, name (a link to the profile), a second line and any buttons. */
export function UserRow({ user, detail, children }: { user: Person; detail?: ReactNode; children?: ReactNode }) {
  return (
    <li className="flex items-center gap-3 px-4 py-2">
      <Avatar username={user.username} url={user.avatarUrl} size={10} />
      <span className="min-w-0 flex-1">
        <Link to={`/u/${user.username}`} className="block truncate font-semibold">{user.username}</Link>
        <span className="block truncate text-sm text-neutral-500">{detail ?? user.fullName}</span>
      </span>
      {children}
    </li>
  );
}
