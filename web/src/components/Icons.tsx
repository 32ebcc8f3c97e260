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

function Outline({ d, className = '' }: { d: string; className?: string }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden className={`${base} ${className}`} fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
      <path d={d} />
    </svg>
  );
}

export const HomeIcon = ({ className }: IconProps) => <Outline className={className} d="M3 11l9-7 9 7v9a1 1 0 0 1-1 1h-5v-6h-6v6H4a1 1 0 0 1-1-1z" />;
export const SearchIcon = ({ className }: IconProps) => <Outline className={className} d="M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM21 21l-5-5" />;
export const ExploreIcon = ({ className }: IconProps) => <Outline className={className} d="M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM15.5 8.5l-2 5-5 2 2-5z" />;
export const CreateIcon = ({ className }: IconProps) => <Outline className={className} d="M4 4h16v16H4zM12 8v8M8 12h8" />;
export const SendIcon = ({ className }: IconProps) => <Outline className={className} d="M21 3L10 14M21 3l-7 18-4-7-7-4z" />;
export const SettingsIcon = ({ className }: IconProps) => <Outline className={className} d="M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM19 12a7 7 0 0 0-.1-1.2l2-1.6-2-3.4-2.4 1a7 7 0 0 0-2-1.2L14 3h-4l-.5 2.6a7 7 0 0 0-2 1.2l-2.4-1-2 3.4 2 1.6a7 7 0 0 0 0 2.4l-2 1.6 2 3.4 2.4-1a7 7 0 0 0 2 1.2L10 21h4l.5-2.6a7 7 0 0 0 2-1.2l2.4 1 2-3.4-2-1.6c.1-.4.1-.8.1-1.2z" />;
