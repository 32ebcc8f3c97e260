import { Fragment } from 'react';
import { Link } from 'react-router';

// the API's own rules: # or @ not glued to a word before, then Unicode letters, digits and underscores (names also dots)
const TOKEN = /(?<![\p{L}\p{N}_])(#[\p{L}\p{N}_]+|@[\p{L}\p{N}_.]+)/gu;

/** Text with its hashtags linked to their pages and its mentions (those the API resolved) to the profiles. */
export function RichText({ text, mentions = [] }: { text: string; mentions?: { username?: string }[] }) {
  const known = new Set(mentions.map((m) => m.username?.toLowerCase()));
  const parts = text.split(TOKEN);
  return (
    <>
      {parts.map((part, i) => {
        if (i % 2 === 0) return <Fragment key={i}>{part}</Fragment>;
        if (part.startsWith('#') && !/^#\p{N}+$/u.test(part)) {
          return <Link key={i} to={`/tags/${encodeURIComponent(part.slice(1).toLowerCase())}`} className="text-sky-700 dark:text-sky-400">{part}</Link>;
        }
        const name = part.slice(1).replace(/\.+$/, '');
        if (part.startsWith('@') && known.has(name.toLowerCase())) {
          return <Fragment key={i}><Link to={`/u/${name}`} className="text-sky-700 dark:text-sky-400">@{name}</Link>{part.slice(1 + name.length)}</Fragment>;
        }
        return <Fragment key={i}>{part}</Fragment>;
      })}
    </>
  );
}
