import { useState } from 'react';
import type { Media } from '../api/client';
import { BlurhashImage } from './BlurhashImage';

/** Up to ten photos side by side, swiped (scroll snapping) or stepped with the arrows, with a dot for each. */
export function Carousel({ media, onDoubleClick }: { media: Media[]; onDoubleClick?: () => void }) {
  const [index, setIndex] = useState(0);
  const [track, setTrack] = useState<HTMLDivElement | null>(null);
  const go = (i: number) => track?.scrollTo({ left: i * track.clientWidth, behavior: 'smooth' });
  return (
    <div className="relative" onDoubleClick={onDoubleClick}>
      <div ref={setTrack} className="flex snap-x snap-mandatory overflow-x-auto [scrollbar-width:none]"
        onScroll={(e) => setIndex(Math.round(e.currentTarget.scrollLeft / Math.max(e.currentTarget.clientWidth, 1)))}>
        {media.map((m, i) => (
          <div key={m.id ?? i} className="w-full shrink-0 snap-center">
            <BlurhashImage src={m.variants?.large?.url ?? m.variants?.medium?.url} alt={m.altText || `Photo ${i + 1} of ${media.length}`}
              blurhash={m.blurhash} width={m.width} height={m.height} />
          </div>
        ))}
      </div>
      {media.length > 1 && (
        <>
          {index > 0 && <button type="button" aria-label="Previous photo" onClick={() => go(index - 1)}
            className="absolute left-2 top-1/2 -translate-y-1/2 rounded-full bg-white/80 px-2 text-black">‹</button>}
          {index < media.length - 1 && <button type="button" aria-label="Next photo" onClick={() => go(index + 1)}
            className="absolute right-2 top-1/2 -translate-y-1/2 rounded-full bg-white/80 px-2 text-black">›</button>}
          <div className="flex justify-center gap-1 py-2" aria-label={`Photo ${index + 1} of ${media.length}`}>
            {media.map((m, i) => (
              <span key={m.id ?? i} className={`h-1.5 w-1.5 rounded-full ${i === index ? 'bg-sky-500' : 'bg-neutral-300 dark:bg-neutral-600'}`} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}
