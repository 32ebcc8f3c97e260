package app.mosaic.media.image;

import java.util.Arrays;
import java.util.Locale;

/**
 * What the person asked to change, applied after the EXIF orientation in this order: {@code rotate}, then
 * {@code crop} or {@code aspect} (in the rotated image's coordinates, as an editor shows it), then
 * {@code brightness}, {@code contrast}, {@code saturation}, then the {@code filter}.
 */
public record Edits(Aspect aspect, Crop crop, int rotate, int brightness, int contrast, int saturation, Filter filter) {

	public static final Edits NONE = new Edits(null, null, 0, 0, 0, 0, null);

	public Edits {
		if (aspect != null && crop != null) {
			throw invalid("Send either aspect or crop, not both.");
		}
		if (rotate % 90 != 0 || rotate < 0 || rotate > 270) {
			throw invalid("rotate must be 0, 90, 180 or 270.");
		}
		checkRange("brightness", brightness);
		checkRange("contrast", contrast);
		checkRange("saturation", saturation);
	}

	/** Whether any pixel-level change (adjustment or filter) is asked for. */
	public boolean adjustsColours() {
		return brightness != 0 || contrast != 0 || saturation != 0 || filter != null;
	}

	private static void checkRange(String name, int value) {
		if (value < -100 || value > 100) {
			throw invalid(name + " must be between -100 and 100.");
		}
	}

	static ImageRejected invalid(String message) {
		return new ImageRejected(ImageRejected.Reason.INVALID, message);
	}

	/** A rectangle in the pixels of the (oriented, rotated) image. */
	public record Crop(int x, int y, int width, int height) {
	}

	/** The centre crops Instagram allows for feed posts. */
	public enum Aspect {

		SQUARE("1:1", 1, 1), PORTRAIT("4:5", 4, 5), LANDSCAPE("1.91:1", 191, 100);

		private final String label;
		final int across;
		final int down;

		Aspect(String label, int across, int down) {
			this.label = label;
			this.across = across;
			this.down = down;
		}

		public String label() {
			return label;
		}

		public static Aspect of(String label) {
			return Arrays.stream(values()).filter(a -> a.label.equals(label)).findFirst()
				.orElseThrow(() -> invalid("aspect must be one of 1:1, 4:5 or 1.91:1."));
		}
	}

	/** Named looks applied to the pixels; see {@link Adjustments} for what each does. */
	public enum Filter {

		MONO, SEPIA, WARM, COOL, VIVID, FADE;

		public static Filter of(String name) {
			try {
				return valueOf(name.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw invalid("filter must be one of mono, sepia, warm, cool, vivid or fade.");
			}
		}
	}
}
