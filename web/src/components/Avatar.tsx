/** A round picture of a person, or their initial when they have none. */
export function Avatar({ username = '', url, size = 8 }: { username?: string; url?: string; size?: 6 | 8 | 10 | 14 | 20 }) {
  const box = { 6: 'h-6 w-6 text-xs', 8: 'h-8 w-8 text-sm', 10: 'h-10 w-10', 14: 'h-14 w-14 text-xl', 20: 'h-20 w-20 text-3xl' }[size];
  return url
    ? <img src={url} alt="" className={`${box} shrink-0 rounded-full object-cover`} />
    : <span aria-hidden className={`${box} flex shrink-0 items-center justify-center rounded-full bg-neutral-300 dark:bg-neutral-700`}>
      {username.charAt(0).toUpperCase()}</span>;
}
