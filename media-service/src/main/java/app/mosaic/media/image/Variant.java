package app.mosaic.media.image;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The sizes every image is stored in: Instagram's widths, and a square thumbnail for grids. Never upscaled. */
public enum Variant {

	THUMB(150, true), SMALL(320, false), MEDIUM(640, false), LARGE(1080, false);

	private final int width;
	private final boolean square;

	Variant(int width, boolean square) {
		this.width = width;
		this.square = square;
	}

	public int width() {
		return width;
	}

	public boolean square() {
		return square;
	}

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Variant> of(String key) {
		return Arrays.stream(values()).filter(v -> v.key().equals(key)).findFirst();
	}
}
