import { useEffect, useRef, useState } from 'react';
import { decode } from 'blurhash';

/** An image that shows its BlurHash until it has loaded, in the box its width and height give. */
export function BlurhashImage({ src, alt, blurhash, width, height, className = '' }: {
  src?: string; alt: string; blurhash?: string; width?: number; height?: number; className?: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    if (!blurhash || !canvas.current) return;
    try {
      const pixels = decode(blurhash, 32, 32);
      const context = canvas.current.getContext('2d');
      if (!context) return;
      const image = context.createImageData(32, 32);
      image.data.set(pixels);
      context.putImageData(image, 0, 0);
    } catch {
      // a malformed hash only loses the placeholder
    }
  }, [blurhash]);
  return (
    <div className={`relative overflow-hidden bg-neutral-200 dark:bg-neutral-800 ${className}`}
      style={{ aspectRatio: width && height ? `${width} / ${height}` : '1 / 1' }}>
      {blurhash && !loaded && <canvas ref={canvas} width={32} height={32} aria-hidden className="absolute inset-0 h-full w-full" />}
      <img src={src} alt={alt} loading="lazy" onLoad={() => setLoaded(true)} draggable={false}
        className={`absolute inset-0 h-full w-full object-cover transition-opacity ${loaded ? 'opacity-100' : 'opacity-0'}`} />
    </div>
  );
}
