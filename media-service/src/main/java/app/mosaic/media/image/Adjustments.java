package app.mosaic.media.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * The colour edits, applied in place to an RGB image, each step clamped to 0..255:
 * <ul>
 * <li>brightness b: c + 1.28·b (±128 at the ends)</li>
 * <li>contrast k: (c − 128)·(100 + k)/100 + 128</li>
 * <li>saturation s: L + (c − L)·(100 + s)/100, L the Rec. 601 luma 0.299r + 0.587g + 0.114b</li>
 * <li>filters: mono (luma grey), sepia (the classic sepia matrix), warm (red ×1.1, blue ×0.9), cool (red ×0.9,
 * blue ×1.1), vivid (saturation ×1.4, then contrast ×1.1), fade (0.8·c + 40: lifted blacks, softer contrast)</li>
 * </ul>
 */
final class Adjustments {

	private Adjustments() {
	}

	static void apply(BufferedImage image, Edits edits) {
		if (!edits.adjustsColours()) {
			return;
		}
		if (image.getType() != BufferedImage.TYPE_INT_RGB) {
			throw new IllegalArgumentException("expects TYPE_INT_RGB");
		}
		int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
		int[] toneCurve = toneCurve(edits.brightness(), edits.contrast());
		float saturation = (100 + edits.saturation()) / 100f;
		Edits.Filter filter = edits.filter();
		float[] c = new float[3];
		for (int i = 0; i < pixels.length; i++) {
			int p = pixels[i];
			c[0] = toneCurve[(p >> 16) & 0xFF];
			c[1] = toneCurve[(p >> 8) & 0xFF];
			c[2] = toneCurve[p & 0xFF];
			if (saturation != 1f) {
				saturate(c, saturation);
			}
			if (filter != null) {
				filter(c, filter);
			}
			pixels[i] = (round(c[0]) << 16) | (round(c[1]) << 8) | round(c[2]);
		}
	}

	/** Brightness then contrast as one lookup table per channel value. */
	private static int[] toneCurve(int brightness, int contrast) {
		float factor = (100 + contrast) / 100f;
		int[] curve = new int[256];
		for (int v = 0; v < 256; v++) {
			float bright = clamp(v + 1.28f * brightness);
			curve[v] = round((bright - 128) * factor + 128);
		}
		return curve;
	}

	private static void saturate(float[] c, float factor) {
		float luma = luma(c);
		for (int i = 0; i < 3; i++) {
			c[i] = clamp(luma + (c[i] - luma) * factor);
		}
	}

	private static void filter(float[] c, Edits.Filter filter) {
		float r = c[0], g = c[1], b = c[2];
		switch (filter) {
			case MONO -> {
				float luma = luma(c);
				c[0] = luma;
				c[1] = luma;
				c[2] = luma;
			}
			case SEPIA -> {
				c[0] = clamp(0.393f * r + 0.769f * g + 0.189f * b);
				c[1] = clamp(0.349f * r + 0.686f * g + 0.168f * b);
				c[2] = clamp(0.272f * r + 0.534f * g + 0.131f * b);
			}
			case WARM -> {
				c[0] = clamp(r * 1.1f);
				c[2] = clamp(b * 0.9f);
			}
			case COOL -> {
				c[0] = clamp(r * 0.9f);
				c[2] = clamp(b * 1.1f);
			}
			case VIVID -> {
				saturate(c, 1.4f);
				for (int i = 0; i < 3; i++) {
					c[i] = clamp((c[i] - 128) * 1.1f + 128);
				}
			}
			case FADE -> {
				for (int i = 0; i < 3; i++) {
					c[i] = clamp(0.8f * c[i] + 40);
				}
			}
		}
	}

	private static float luma(float[] c) {
		return 0.299f * c[0] + 0.587f * c[1] + 0.114f * c[2];
	}

	private static float clamp(float v) {
		return v < 0 ? 0 : Math.min(v, 255);
	}

	private static int round(float v) {
		return Math.round(clamp(v));
	}
}
