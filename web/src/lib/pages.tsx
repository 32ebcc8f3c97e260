import { useEffect, useRef } from 'react';
import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import type { Page } from '../api/client';

/** A cursor-paged list that loads its next page as its end scrolls into view; put `end` after the last item. */
export function usePagedList<T>(queryKey: QueryKey, fetchPage: (cursor: string | undefined) => Promise<Page<T> | undefined>, enabled = true) {
  const query = useInfiniteQuery({
    queryKey,
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) => (await fetchPage(pageParam)) ?? {},
    getNextPageParam: (last: Page<T>) => last.nextCursor ?? undefined,
  });
  const end = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    const sentinel = end.current;
    if (!sentinel || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => {
      if (entry?.isIntersecting && hasNextPage && !isFetchingNextPage) void fetchNextPage();
    }, { rootMargin: '600px' });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, query.data]);
  // a later page can repeat an item that moved meanwhile (explore); the first sighting wins
  const seen = new Set<string>();
  const items = (query.data?.pages.flatMap((p) => p.items ?? []) ?? []).filter((item) => {
    const id = (item as { id?: string }).id;
    if (id === undefined) return true;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return { query, items, end, pages: query.data?.pages ?? [] };
}

export function Loading({ what = 'Loading…' }: { what?: string }) {
  return <p className="p-6 text-center text-neutral-500">{what}</p>;
}

export function Failed({ what, retry }: { what: string; retry?: () => void }) {
  return (
    <p role="alert" className="p-6 text-center">
      {what} {retry && <button type="button" className="text-sky-600" onClick={retry}>Try again</button>}
    </p>
  );
}
