import { describe, expect, it } from 'vitest';
import { adjust, centreCrop } from './edits';

const pixel = (r: number, g: number, b: number) => new Uint8ClampedArray([r, g, b, 255]);

describe('the editor preview', () => {
  it('crops the largest centred rectangle of the aspect, as media-service does', () => {
    expect(centreCrop(1000, 1000, '4:5')).toEqual({ x: 100, y: 0, width: 800, height: 1000 });
    expect(centreCrop(1000, 1000, '1.91:1')).toEqual({ x: 0, y: 238, width: 1000, height: 523 });
    expect(centreCrop(1200, 800, '1:1')).toEqual({ x: 200, y: 0, width: 800, height: 800 });
    expect(centreCrop(1200, 800)).toEqual({ x: 0, y: 0, width: 1200, height: 800 });
  });

  it('applies the same formulas to the pixels', () => {
    const mono = pixel(200, 100, 50);
    adjust(mono, { filter: 'mono' });
    expect([...mono]).toEqual([124, 124, 124, 255]); // 0.299·200 + 0.587·100 + 0.114·50 = 124.25
    const bright = pixel(100, 100, 100);
    adjust(bright, { brightness: 50 });
    expect([...bright]).toEqual([164, 164, 164, 255]);
    const fade = pixel(0, 255, 100);
    adjust(fade, { filter: 'fade' });
    expect([...fade]).toEqual([40, 244, 120, 255]);
    const untouched = pixel(1, 2, 3);
    adjust(untouched, {});
    expect([...untouched]).toEqual([1, 2, 3, 255]);
  });
});
