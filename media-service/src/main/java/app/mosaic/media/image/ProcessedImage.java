package app.mosaic.media.image;

import java.util.List;

/**
 * An upload turned into its stored form: every variant encoded without metadata, and a BlurHash placeholder.
 *
 * @param width the width of the largest variant
 * @param height the height of the largest variant
 */
public record ProcessedImage(ImageFormat sourceFormat, int width, int height, String blurhash, List<Rendition> renditions) {

	public long totalBytes() {
		return renditions.stream().mapToLong(r -> r.jpeg().length + (r.webp() == null ? 0 : r.webp().length)).sum();
	}

	/** One variant, as progressive JPEG and, where the encoder is available, WebP. */
	public record Rendition(Variant variant, int width, int height, byte[] jpeg, byte[] webp) {
	}
}
