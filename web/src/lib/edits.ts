// The editor's preview applies exactly what media-service will (its Adjustments and ImageProcessor): the same
// order (rotate, centre crop to the aspect, brightness and contrast, saturation, filter) and the same formulas.
import type { Edit } from './upload';

export const ASPECTS = { '1:1': [1, 1], '4:5': [4, 5], '1.91:1': [191, 100] } as const;
export const FILTERS = ['mono', 'sepia', 'warm', 'cool', 'vivid', 'fade'] as const;

const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : v);
const luma = (r: number, g: number, b: number) => 0.299 * r + 0.587 * g + 0.114 * b;

/** The largest centred rectangle of the aspect inside a width × height image. */
export function centreCrop(width: number, height: number, aspect?: Edit['aspect']) {
  if (!aspect) return { x: 0, y: 0, width, height };
  const [across, down] = ASPECTS[aspect];
  let w = width;
  let h = Math.floor((w * down) / across);
  if (h > height) {
    h = height;
    w = Math.floor((h * across) / down);
  }
  w = Math.max(1, w);
  h = Math.max(1, h);
  return { x: Math.floor((width - w) / 2), y: Math.floor((height - h) / 2), width: w, height: h };
}

/** Brightness, contrast, saturation and the filter, in place on RGBA pixels. */
export function adjust(pixels: Uint8ClampedArray, edit: Edit) {
  const brightness = edit.brightness ?? 0;
  const contrast = edit.contrast ?? 0;
  const saturation = (100 + (edit.saturation ?? 0)) / 100;
  const filter = edit.filter;
  if (!brightness && !contrast && saturation === 1 && !filter) return;
  const factor = (100 + contrast) / 100;
  const curve = new Float32Array(256);
  for (let v = 0; v < 256; v++) curve[v] = Math.round(clamp((clamp(v + 1.28 * brightness) - 128) * factor + 128));
  const saturate = (c: number[], f: number) => {
    const l = luma(c[0]!, c[1]!, c[2]!);
    for (let i = 0; i < 3; i++) c[i] = clamp(l + (c[i]! - l) * f);
  };
  const c = [0, 0, 0];
  for (let p = 0; p < pixels.length; p += 4) {
    c[0] = curve[pixels[p]!]!;
    c[1] = curve[pixels[p + 1]!]!;
    c[2] = curve[pixels[p + 2]!]!;
    if (saturation !== 1) saturate(c, saturation);
    const [r, g, b] = c as [number, number, number];
    switch (filter) {
      case 'mono': c[0] = c[1] = c[2] = luma(r, g, b); break;
      case 'sepia':
        c[0] = clamp(0.393 * r + 0.769 * g + 0.189 * b);
        c[1] = clamp(0.349 * r + 0.686 * g + 0.168 * b);
        c[2] = clamp(0.272 * r + 0.534 * g + 0.131 * b);
        break;
      case 'warm': c[0] = clamp(r * 1.1); c[2] = clamp(b * 0.9); break;
      case 'cool': c[0] = clamp(r * 0.9); c[2] = clamp(b * 1.1); break;
      case 'vivid':
        saturate(c, 1.4);
        for (let i = 0; i < 3; i++) c[i] = clamp((c[i]! - 128) * 1.1 + 128);
        break;
      case 'fade': for (let i = 0; i < 3; i++) c[i] = clamp(0.8 * c[i]! + 40); break;
      default:
    }
    pixels[p] = Math.round(c[0]!);
    pixels[p + 1] = Math.round(c[1]!);
    pixels[p + 2] = Math.round(c[2]!);
  }
}

/** Draws the photo as the edit will make it, at most `size` pixels across, onto the canvas. */
export function drawPreview(canvas: HTMLCanvasElement, image: ImageBitmap, edit: Edit, size = 480) {
  const rotate = edit.rotate ?? 0;
  const turned = rotate === 90 || rotate === 270;
  const width = turned ? image.height : image.width;
  const height = turned ? image.width : image.height;
  const crop = centreCrop(width, height, edit.aspect);
  const scale = Math.min(1, size / Math.max(crop.width, crop.height));
  canvas.width = Math.max(1, Math.round(crop.width * scale));
  canvas.height = Math.max(1, Math.round(crop.height * scale));
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return;
  context.save();
  context.scale(scale, scale);
  context.translate(-crop.x, -crop.y);
  // rotate about the rotated image's centre, clockwise as media-service does
  context.translate(width / 2, height / 2);
  context.rotate((rotate * Math.PI) / 180);
  context.drawImage(image, -image.width / 2, -image.height / 2);
  context.restore();
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
  adjust(pixels.data, edit);
  context.putImageData(pixels, 0, 0);
}
