package app.mosaic.media.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import io.trbl.blurhash.BlurHash;
import net.coobird.thumbnailator.Thumbnails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.mosaic.media.image.ImageRejected.Reason;

/**
 * Turns uploaded bytes into the stored variants. The pixel count is checked from the header before anything
 * is decoded, and only the region that survives the crop is decoded, subsampled to no more than twice the
 * largest output, so memory stays bounded whatever the input. Outputs are re-encoded from pixels in sRGB:
 * no EXIF, GPS, XMP or ICC survives.
 */
public class ImageProcessor {

	private static final Logger log = LoggerFactory.getLogger(ImageProcessor.class);
	/** Decode at most about this many pixels, whatever the source (bounds memory for extreme aspect ratios). */
	private static final long DECODE_BUDGET = 16_000_000L;
	private static final int LARGEST = Variant.LARGE.width();

	private final long maxPixels;
	private final float jpegQuality;
	private final float webpQuality;
	private final boolean webp;

	public ImageProcessor(long maxPixels, float jpegQuality, boolean webp, float webpQuality) {
		this.maxPixels = maxPixels;
		this.jpegQuality = jpegQuality;
		this.webpQuality = webpQuality;
		this.webp = webp && webpEncoderWorks();
	}

	public boolean encodesWebp() {
		return webp;
	}

	public ProcessedImage process(byte[] bytes, Edits edits) {
		if (bytes.length == 0) {
			throw new ImageRejected(Reason.INVALID, "The file is empty.");
		}
		ImageFormat format = ImageFormat.detect(bytes)
			.orElseThrow(() -> new ImageRejected(Reason.UNSUPPORTED,
					"This file is not a JPEG, PNG, WebP or GIF image (judged by its content, not its name)."));
		ImageReader reader = reader(format);
		List<String> warnings = new ArrayList<>();
		reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			reader.setInput(in, false, true);
			int width;
			int height;
			try {
				width = reader.getWidth(0);
				height = reader.getHeight(0);
			}
			catch (IOException | RuntimeException e) {
				throw unreadable(format);
			}
			if (width <= 0 || height <= 0) {
				throw unreadable(format);
			}
			if ((long) width * height > maxPixels) {
				throw new ImageRejected(Reason.TOO_LARGE, "The image is %d × %d pixels; at most %d megapixels are accepted."
					.formatted(width, height, maxPixels / 1_000_000));
			}
			if ((format == ImageFormat.GIF || format == ImageFormat.WEBP) && frames(reader, format) > 1) {
				throw new ImageRejected(Reason.UNSUPPORTED, "Animated images are not supported; upload a still image.");
			}
			Geometry geometry = Geometry.of(orientation(bytes), edits.rotate());
			int uprightWidth = geometry.uprightWidth(width, height);
			int uprightHeight = geometry.uprightHeight(width, height);
			Rectangle crop = crop(edits, uprightWidth, uprightHeight);
			BufferedImage upright = decodeUpright(reader, geometry, crop, width, height, format, warnings);
			return render(format, upright, crop, edits);
		}
		catch (IOException e) {
			throw unreadable(format);
		}
		finally {
			reader.dispose();
		}
	}

	private BufferedImage decodeUpright(ImageReader reader, Geometry geometry, Rectangle crop, int width, int height,
			ImageFormat format, List<String> warnings) {
		int step = subsampling(crop);
		ImageReadParam param = reader.getDefaultReadParam();
		param.setSourceRegion(geometry.storedRegion(crop, width, height));
		param.setSourceSubsampling(step, step, 0, 0);
		BufferedImage decoded;
		try {
			decoded = reader.read(0, param);
		}
		catch (IOException | RuntimeException e) {
			throw unreadable(format);
		}
		if (warnings.stream().anyMatch(ImageProcessor::meansDamaged)) {
			throw new ImageRejected(Reason.INVALID, "The image is truncated or damaged. Upload the complete file.");
		}
		decoded = toSrgb(decoded);
		boolean swap = geometry.swapsSides();
		int w = swap ? decoded.getHeight() : decoded.getWidth();
		int h = swap ? decoded.getWidth() : decoded.getHeight();
		BufferedImage upright = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = upright.createGraphics();
		try {
			g.setColor(Color.WHITE); // transparency is flattened onto white
			g.fillRect(0, 0, w, h);
			g.drawImage(decoded, geometry.transform(decoded.getWidth(), decoded.getHeight()), null);
		}
		finally {
			g.dispose();
		}
		return upright;
	}

	private ProcessedImage render(ImageFormat format, BufferedImage upright, Rectangle crop, Edits edits) throws IOException {
		int largeWidth = Math.min(LARGEST, crop.width);
		int largeHeight = Math.max(1, (int) Math.round((double) crop.height * largeWidth / crop.width));
		BufferedImage large = resize(upright, largeWidth, largeHeight);
		Adjustments.apply(large, edits);
		List<ProcessedImage.Rendition> renditions = new ArrayList<>();
		BufferedImage previous = large;
		for (Variant variant : List.of(Variant.LARGE, Variant.MEDIUM, Variant.SMALL)) {
			int w = Math.min(variant.width(), largeWidth);
			int h = Math.max(1, (int) Math.round((double) largeHeight * w / largeWidth));
			// each size from the next larger one: cheaper, and as sharp
			BufferedImage image = w == previous.getWidth() ? previous : resize(previous, w, h);
			renditions.add(encode(variant, image));
			previous = image;
		}
		int side = Math.min(largeWidth, largeHeight);
		BufferedImage square = large.getSubimage((largeWidth - side) / 2, (largeHeight - side) / 2, side, side);
		int thumbSide = Math.min(Variant.THUMB.width(), side);
		BufferedImage thumb = resize(square, thumbSide, thumbSide);
		renditions.add(0, encode(Variant.THUMB, thumb));
		String blurhash = BlurHash.encode(resize(thumb, 32, 32), 4, 3);
		return new ProcessedImage(format, largeWidth, largeHeight, blurhash, List.copyOf(renditions));
	}

	private ProcessedImage.Rendition encode(Variant variant, BufferedImage image) throws IOException {
		return new ProcessedImage.Rendition(variant, image.getWidth(), image.getHeight(), jpeg(image),
				webp ? webp(image) : null);
	}

	/** Subsample by whole steps while at least twice the largest output width (and the decode budget) remain. */
	static int subsampling(Rectangle crop) {
		int byWidth = Math.max(1, crop.width / (2 * LARGEST));
		int byBudget = (int) Math.ceil(Math.sqrt((double) crop.width * crop.height / DECODE_BUDGET));
		return Math.max(byWidth, Math.max(1, byBudget));
	}

	private static Rectangle crop(Edits edits, int width, int height) {
		if (edits.crop() != null) {
			Edits.Crop c = edits.crop();
			if (c.width() < 1 || c.height() < 1 || c.x() < 0 || c.y() < 0 || (long) c.x() + c.width() > width
					|| (long) c.y() + c.height() > height) {
				throw new ImageRejected(Reason.INVALID, "crop must lie inside the image, which is %d × %d pixels after rotation."
					.formatted(width, height));
			}
			return new Rectangle(c.x(), c.y(), c.width(), c.height());
		}
		if (edits.aspect() != null) {
			Edits.Aspect a = edits.aspect();
			// the largest centred rectangle of that ratio
			long w = width;
			long h = w * a.down / a.across;
			if (h > height) {
				h = height;
				w = h * a.across / a.down;
			}
			w = Math.max(1, w);
			h = Math.max(1, h);
			return new Rectangle((int) (width - w) / 2, (int) (height - h) / 2, (int) w, (int) h);
		}
		return new Rectangle(0, 0, width, height);
	}

	private static BufferedImage resize(BufferedImage image, int width, int height) throws IOException {
		if (image.getWidth() == width && image.getHeight() == height) {
			return image;
		}
		return Thumbnails.of(image).forceSize(width, height).imageType(BufferedImage.TYPE_INT_RGB).asBufferedImage();
	}

	/** Colour-managed images (CMYK, Adobe RGB, …) are converted; plain RGB, grey and indexed are drawn as they are. */
	private static BufferedImage toSrgb(BufferedImage image) {
		ColorSpace space = image.getColorModel().getColorSpace();
		if (space.isCS_sRGB() || space.getType() == ColorSpace.TYPE_GRAY) {
			return image;
		}
		BufferedImage srgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		new ColorConvertOp(null).filter(image, srgb);
		return srgb;
	}

	private byte[] jpeg(BufferedImage image) throws IOException {
		return write(image, ImageIO.getImageWritersByFormatName("jpeg").next(), param -> {
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(jpegQuality);
			param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
		});
	}

	private byte[] webp(BufferedImage image) throws IOException {
		return write(image, ImageIO.getImageWritersByMIMEType("image/webp").next(), param -> {
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionType(param.getCompressionTypes()[0]); // lossy
			param.setCompressionQuality(webpQuality);
		});
	}

	/** Encodes pixels only: no metadata is passed, so none is written (a bare JFIF header for JPEG). */
	private static byte[] write(BufferedImage image, ImageWriter writer, Consumer<ImageWriteParam> settings) throws IOException {
		try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
				ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(out);
			ImageWriteParam param = writer.getDefaultWriteParam();
			settings.accept(param);
			writer.write(null, new IIOImage(image, null, null), param);
			out.flush();
			return bytes.toByteArray();
		}
		finally {
			writer.dispose();
		}
	}

	private boolean webpEncoderWorks() {
		try {
			Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType("image/webp");
			if (!writers.hasNext()) {
				return false;
			}
			writers.next().dispose();
			webp(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB));
			return true;
		}
		catch (IOException | RuntimeException | LinkageError e) {
			// libwebp ships for the common platforms only; elsewhere JPEG alone is served
			log.warn("WebP encoding is unavailable on this platform: {}", e.toString());
			return false;
		}
	}

	/** TwelveMonkeys first: pure Java, and it handles CMYK and ICC profiles. */
	private static ImageReader reader(ImageFormat format) {
		ImageReader fallback = null;
		for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(format.imageIoName()); it.hasNext();) {
			ImageReader candidate = it.next();
			if (candidate.getClass().getName().startsWith("com.twelvemonkeys")) {
				if (fallback != null) {
					fallback.dispose();
				}
				return candidate;
			}
			if (fallback == null) {
				fallback = candidate;
			}
			else {
				candidate.dispose();
			}
		}
		if (fallback == null) {
			throw new IllegalStateException("No ImageIO reader for " + format);
		}
		return fallback;
	}

	private static int frames(ImageReader reader, ImageFormat format) {
		try {
			return reader.getNumImages(true);
		}
		catch (IOException | RuntimeException e) {
			throw unreadable(format);
		}
	}

	/** The EXIF orientation (1..8); 1 when there is none or it cannot be read. */
	private static int orientation(byte[] bytes) {
		try {
			Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
			ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
			if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
				return exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
			}
		}
		catch (Exception e) {
			log.debug("No readable EXIF orientation: {}", e.toString());
		}
		return 1;
	}

	private static boolean meansDamaged(String warning) {
		String w = warning.toLowerCase(Locale.ROOT);
		return w.contains("premature") || w.contains("corrupt") || w.contains("truncat") || w.contains("end of file");
	}

	private static ImageRejected unreadable(ImageFormat format) {
		return new ImageRejected(Reason.INVALID,
				"The file looks like a " + format.name() + " image but cannot be read: it is truncated or damaged.");
	}
}
