package app.mosaic.media.image;

import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The quarter turns and mirrorings between the stored pixels and what the person sees: the EXIF orientation
 * followed by the requested rotation. It maps a crop chosen on the upright image back to the stored pixels,
 * so only that region is ever decoded.
 */
final class Geometry {

	enum Step {
		ROTATE_90, ROTATE_180, ROTATE_270, MIRROR
	}

	private final List<Step> steps;

	private Geometry(List<Step> steps) {
		this.steps = List.copyOf(steps);
	}

	/** @param exifOrientation 1..8 (anything else counts as 1) @param rotate clockwise degrees, a multiple of 90 */
	static Geometry of(int exifOrientation, int rotate) {
		List<Step> steps = new ArrayList<>(switch (exifOrientation) {
			case 2 -> List.of(Step.MIRROR);
			case 3 -> List.of(Step.ROTATE_180);
			case 4 -> List.of(Step.ROTATE_180, Step.MIRROR);
			case 5 -> List.of(Step.ROTATE_90, Step.MIRROR);
			case 6 -> List.of(Step.ROTATE_90);
			case 7 -> List.of(Step.ROTATE_270, Step.MIRROR);
			case 8 -> List.of(Step.ROTATE_270);
			default -> List.<Step>of();
		});
		switch (rotate) {
			case 90 -> steps.add(Step.ROTATE_90);
			case 180 -> steps.add(Step.ROTATE_180);
			case 270 -> steps.add(Step.ROTATE_270);
			default -> {
			}
		}
		return new Geometry(steps);
	}

	boolean swapsSides() {
		return steps.stream().filter(s -> s == Step.ROTATE_90 || s == Step.ROTATE_270).count() % 2 == 1;
	}

	int uprightWidth(int storedWidth, int storedHeight) {
		return swapsSides() ? storedHeight : storedWidth;
	}

	int uprightHeight(int storedWidth, int storedHeight) {
		return swapsSides() ? storedWidth : storedHeight;
	}

	/** Maps stored coordinates (continuous, 0..w × 0..h) to upright ones. */
	AffineTransform transform(int width, int height) {
		AffineTransform total = new AffineTransform();
		int w = width;
		int h = height;
		for (Step step : steps) {
			AffineTransform t = switch (step) {
				case ROTATE_90 -> new AffineTransform(0, 1, -1, 0, h, 0); // (x, y) -> (h - y, x)
				case ROTATE_180 -> new AffineTransform(-1, 0, 0, -1, w, h); // (x, y) -> (w - x, h - y)
				case ROTATE_270 -> new AffineTransform(0, -1, 1, 0, 0, w); // (x, y) -> (y, w - x)
				case MIRROR -> new AffineTransform(-1, 0, 0, 1, w, 0); // (x, y) -> (w - x, y)
			};
			total.preConcatenate(t);
			if (step == Step.ROTATE_90 || step == Step.ROTATE_270) {
				int swap = w;
				w = h;
				h = swap;
			}
		}
		return total;
	}

	/** The stored region that becomes the upright rectangle {@code upright}. */
	Rectangle storedRegion(Rectangle upright, int storedWidth, int storedHeight) {
		AffineTransform inverse;
		try {
			inverse = transform(storedWidth, storedHeight).createInverse();
		}
		catch (java.awt.geom.NoninvertibleTransformException e) {
			throw new IllegalStateException(e);
		}
		Point2D a = inverse.transform(new Point2D.Double(upright.x, upright.y), null);
		Point2D b = inverse.transform(new Point2D.Double(upright.x + upright.width, upright.y + upright.height), null);
		int x0 = (int) Math.round(Math.min(a.getX(), b.getX()));
		int y0 = (int) Math.round(Math.min(a.getY(), b.getY()));
		int x1 = (int) Math.round(Math.max(a.getX(), b.getX()));
		int y1 = (int) Math.round(Math.max(a.getY(), b.getY()));
		return new Rectangle(x0, y0, x1 - x0, y1 - y0);
	}
}
