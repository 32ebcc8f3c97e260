import { useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { must, postApi, userApi } from '../api/client';

/** The #tag or @name being typed at the caret, if any. */
export function wordAtCaret(text: string, caret: number): { kind: '#' | '@'; prefix: string; start: number } | null {
  const match = /(?:^|[^\p{L}\p{N}_])([#@])([\p{L}\p{N}_.]*)$/u.exec(text.slice(0, caret));
  if (!match) return null;
  return { kind: match[1] as '#' | '@', prefix: match[2]!, start: caret - match[2]!.length - 1 };
}

/** A caption box that suggests hashtags (with their post counts) and people as you type # or @. */
export function CaptionInput({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  const box = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  const word = wordAtCaret(value, caret);
  const q = word?.prefix ?? '';
  const tags = useQuery({
    queryKey: ['hashtag-search', q], enabled: word?.kind === '#' && q.length > 0,
    queryFn: () => must(postApi.GET('/api/v1/hashtags/search', { params: { query: { q, limit: 6 } } })),
  });
  const people = useQuery({
    queryKey: ['user-search', q], enabled: word?.kind === '@' && q.length > 0,
    queryFn: () => must(userApi.GET('/api/v1/users/search', { params: { query: { q, limit: 6 } } })),
  });
  const suggestions = word?.kind === '#'
    ? (tags.data?.items ?? []).map((t) => ({ insert: `#${t.tag}`, label: `#${t.tag}`, detail: `${t.postCount} posts` }))
    : word?.kind === '@' ? (people.data?.items ?? []).map((u) => ({ insert: `@${u.username}`, label: u.username!, detail: u.fullName ?? '' })) : [];
  function choose(insert: string) {
    if (!word) return;
    const next = `${value.slice(0, word.start)}${insert} ${value.slice(caret)}`;
    onChange(next);
    const at = word.start + insert.length + 1;
    setCaret(at);
    requestAnimationFrame(() => { box.current?.focus(); box.current?.setSelectionRange(at, at); });
  }
  return (
    <div className="relative">
      <label className="block text-sm"><span className="sr-only">Caption</span>
        <textarea ref={box} value={value} maxLength={2200} rows={4} placeholder="Write a caption…"
          onChange={(e) => { onChange(e.target.value); setCaret(e.target.selectionStart); }}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
          className="w-full rounded border border-neutral-300 bg-transparent p-2 dark:border-neutral-700" /></label>
      <span className="text-xs text-neutral-500">{[...value].length}/2200</span>
      {suggestions.length > 0 && (
        <ul aria-label="Suggestions" className="absolute z-20 w-full rounded border border-neutral-200 bg-white shadow dark:border-neutral-800 dark:bg-neutral-900">
          {suggestions.map((s) => (
            <li key={s.insert}><button type="button" onClick={() => choose(s.insert)} className="flex w-full justify-between px-3 py-1.5 text-left text-sm hover:bg-neutral-100 dark:hover:bg-neutral-800">
              <span className="font-semibold">{s.label}</span><span className="text-neutral-500">{s.detail}</span></button></li>
          ))}
        </ul>
      )}
    </div>
  );
}
