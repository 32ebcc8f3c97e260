// Outline icons drawn here (no font or icon kit needed), filled when active.
type IconProps = { filled?: boolean; className?: string };
const base = 'h-6 w-6';

export function HeartIcon({ filled, className = '' }: IconProps) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden className={`${base} ${className}`} fill={filled ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth={2}>
      <path strokeLinejoin="round" d="M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z" />
    </svg>
  );
}

export function CommentIcon({ className = '' }: IconProps) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden className={`${base} ${className}`} fill="none" stroke="currentColor" strokeWidth={2}>
      <path strokeLinejoin="round" d="M20 12a8 8 0 0 1-11.6 7.1L4 20l1-4.2A8 8 0 1 1 20 12z" />
    </svg>
  );
}

export function BookmarkIcon({ filled, className = '' }: IconProps) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden className={`${base} ${className}`} fill={filled ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth={2}>
      <path strokeLinejoin="round" d="M6 3h12v18l-6-4-6 4z" />
    </svg>
  );
}
