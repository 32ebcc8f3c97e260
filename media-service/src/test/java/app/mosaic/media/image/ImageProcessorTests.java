package app.mosaic.media.image;

import static app.mosaic.media.TestImages.decode;
import static app.mosaic.media.TestImages.jpeg;
import static app.mosaic.media.TestImages.mean;
import static app.mosaic.media.TestImages.stripes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;


import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import app.mosaic.media.TestImages;
import app.mosaic.media.image.ImageRejected.Reason;

class ImageProcessorTests {

	private static final Color RED = new Color(200, 30, 40);
	private static final Color GREEN = new Color(40, 180, 60);
	private static final Color BLUE = new Color(30, 60, 200);
	/** Mid tones far from the ends, so adjustments do not clip and JPEG keeps the patches flat. */
	private static final Color[] PATCHES = { new Color(150, 100, 70), new Color(90, 140, 170), new Color(120, 120, 120) };

	private final ImageProcessor processor = new ImageProcessor(50_000_000, 0.9f, true, 0.85f);

	@Test
	void producesEveryVariantAtInstagramWidthsWithoutUpscaling() {
		ProcessedImage image = processor.process(jpeg(stripes(2000, 1500, RED, GREEN, BLUE)), Edits.NONE);

		assertThat(image.renditions()).extracting(r -> r.variant().key() + " " + r.width() + "x" + r.height())
			.containsExactly("thumb 150x150", "large 1080x810", "medium 640x480", "small 320x240");
		assertThat(image.width()).isEqualTo(1080);
		assertThat(image.height()).isEqualTo(810);
		assertThat(image.blurhash()).hasSize(28).matches("[0-9A-Za-z#$%*+,\\-.:;=?@\\[\\]^_{|}~]+");
		ProcessedImage small = processor.process(jpeg(stripes(500, 400, RED, BLUE)), Edits.NONE);
		assertThat(small.renditions()).extracting(r -> r.variant().key() + " " + r.width() + "x" + r.height())
			.containsExactly("thumb 150x150", "large 500x400", "medium 500x400", "small 320x256");
	}

	@Test
	void encodesProgressiveJpegAndWebp() throws Exception {
		ProcessedImage image = processor.process(jpeg(stripes(800, 600, RED, GREEN)), Edits.NONE);

		for (ProcessedImage.Rendition r : image.renditions()) {
			assertThat(isProgressive(r.jpeg())).as(r.variant() + " progressive").isTrue();
			assertThat(decode(r.jpeg()).getWidth()).isEqualTo(r.width());
			assertThat(new String(r.webp(), 8, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("WEBP");
			assertThat(decode(r.webp()).getHeight()).isEqualTo(r.height());
		}
	}

	@Test
	void acceptsEveryInputFormatFromItsBytes() {
		BufferedImage withAlpha = new BufferedImage(60, 40, BufferedImage.TYPE_INT_ARGB); // fully transparent
		assertThat(processor.process(TestImages.png(withAlpha), Edits.NONE).sourceFormat()).isEqualTo(ImageFormat.PNG);
		assertThat(processor.process(jpeg(stripes(60, 40, RED), true), Edits.NONE).sourceFormat()).isEqualTo(ImageFormat.JPEG);
		assertThat(processor.process(TestImages.resource("cmyk.jpg"), Edits.NONE).width()).isEqualTo(120);
		assertThat(processor.process(TestImages.resource("photo.webp"), Edits.NONE).sourceFormat()).isEqualTo(ImageFormat.WEBP);
		assertThat(processor.process(TestImages.resource("static.gif"), Edits.NONE).sourceFormat()).isEqualTo(ImageFormat.GIF);
	}

	@Test
	void flattensTransparencyOntoWhite() {
		BufferedImage clear = new BufferedImage(60, 40, BufferedImage.TYPE_INT_ARGB);
		BufferedImage large = largeOf(processor.process(TestImages.png(clear), Edits.NONE));
		assertThat(Arrays.stream(mean(large, 10, 10, 20)).min().orElseThrow()).isGreaterThan(250);
	}

	@Test
	void convertsCmykToRgbColours() {
		// cmyk.jpg is a red-to-blue gradient from top to bottom
		BufferedImage large = largeOf(processor.process(TestImages.resource("cmyk.jpg"), Edits.NONE));
		int[] top = mean(large, 50, 2, 6);
		int[] bottom = mean(large, 50, 72, 6);
		assertThat(top[0]).isGreaterThan(200);
		assertThat(top[2]).isLessThan(60);
		assertThat(bottom[2]).isGreaterThan(200);
		assertThat(bottom[0]).isLessThan(60);
	}

	@Test
	void refusesWhatIsNotAnImage() {
		assertRejected("just text, named photo.jpg".getBytes(), Reason.UNSUPPORTED);
		assertRejected(new byte[0], Reason.INVALID);
		assertRejected(TestImages.resource("animated.gif"), Reason.UNSUPPORTED);
	}

	@Test
	void refusesTruncatedAndCorruptFiles() {
		byte[] whole = jpeg(stripes(400, 300, RED, GREEN, BLUE));
		assertRejected(Arrays.copyOf(whole, whole.length / 2), Reason.INVALID);
		byte[] png = TestImages.png(stripes(200, 100, RED, BLUE));
		for (int i = 60; i < png.length - 20; i++) {
			png[i] = (byte) (png[i] ^ 0x5A);
		}
		assertRejected(png, Reason.INVALID);
		assertRejected(TestImages.pngClaiming(300, 200), Reason.INVALID);
	}

	@Test
	void refusesTooManyPixelsFromTheHeaderAlone() {
		// 30 000 × 30 000 would need 3.6 GB decoded; the header is all that is read
		assertThatThrownBy(() -> processor.process(TestImages.pngClaiming(30_000, 30_000), Edits.NONE))
			.isInstanceOfSatisfying(ImageRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
			.hasMessageContaining("30000 × 30000");
	}

	@Test
	void appliesExifOrientationSoTheOutputIsUpright() {
		// stored landscape, red left and blue right; orientation 6 means "rotate 90° clockwise to view"
		byte[] sideways = TestImages.withExif(jpeg(stripes(400, 300, RED, BLUE)), 6, false);

		BufferedImage large = largeOf(processor.process(sideways, Edits.NONE));

		assertThat(large.getWidth()).isEqualTo(300);
		assertThat(large.getHeight()).isEqualTo(400);
		assertClose(mean(large, 140, 40, 20), RED);
		assertClose(mean(large, 140, 340, 20), BLUE);
	}

	@Test
	void stripsGpsAndEveryOtherMetadataFromAllOutputs() throws Exception {
		byte[] tagged = TestImages.withExif(jpeg(stripes(400, 300, RED, BLUE)), 1, true);
		assertThat(ImageMetadataReader.readMetadata(new ByteArrayInputStream(tagged)).getFirstDirectoryOfType(GpsDirectory.class))
			.as("the input carries GPS").isNotNull();

		ProcessedImage image = processor.process(tagged, Edits.NONE);

		for (ProcessedImage.Rendition r : image.renditions()) {
			for (byte[] bytes : new byte[][] { r.jpeg(), r.webp() }) {
				Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
				assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
				assertThat(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
				assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Exif", "ICC_PROFILE",
						"http://ns.adobe.com/xap");
			}
		}
	}

	@ParameterizedTest
	@CsvSource({ "1:1, 600, 600", "4:5, 480, 600", "1.91:1, 1000, 523" })
	void cropsToTheCentreForEachAspect(String aspect, int width, int height) {
		// red | green | blue thirds of 1000 × 600: every centre crop keeps green in the middle
		Edits edits = new Edits(Edits.Aspect.of(aspect), null, 0, 0, 0, 0, null);

		BufferedImage large = largeOf(processor.process(jpeg(stripes(1000, 600, RED, GREEN, BLUE)), edits));

		assertThat(large.getWidth()).isEqualTo(width);
		assertThat(large.getHeight()).isEqualTo(height);
		assertClose(mean(large, width / 2 - 5, height / 2 - 5, 10), GREEN);
		int leftEdge = (1000 - width) / 2;
		assertClose(mean(large, 2, 10, 6), leftEdge + 2 < 333 ? RED : GREEN);
	}

	@Test
	void cropsTheRequestedRectangleAfterRotating() {
		// 400 × 300 red | blue, rotated 90° clockwise: 300 × 400 with red on top; take the lower half
		Edits edits = new Edits(null, new Edits.Crop(0, 200, 300, 200), 90, 0, 0, 0, null);

		BufferedImage large = largeOf(processor.process(jpeg(stripes(400, 300, RED, BLUE)), edits));

		assertThat(large.getWidth()).isEqualTo(300);
		assertThat(large.getHeight()).isEqualTo(200);
		assertClose(mean(large, 140, 90, 20), BLUE);
	}

	@Test
	void refusesACropOutsideTheImage() {
		Edits edits = new Edits(null, new Edits.Crop(100, 100, 400, 100), 0, 0, 0, 0, null);
		assertThatThrownBy(() -> processor.process(jpeg(stripes(400, 300, RED)), edits))
			.isInstanceOfSatisfying(ImageRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID))
			.hasMessageContaining("400 × 300");
	}

	@ParameterizedTest
	@CsvSource({ "40, 0, 0", "-40, 0, 0", "0, 50, 0", "0, -50, 0", "0, 0, 80", "0, 0, -100", "20, 30, -40" })
	void adjustsBrightnessContrastAndSaturationAsDocumented(int brightness, int contrast, int saturation) {
		int[][] expected = new int[PATCHES.length][];
		for (int i = 0; i < PATCHES.length; i++) {
			float[] c = { PATCHES[i].getRed(), PATCHES[i].getGreen(), PATCHES[i].getBlue() };
			for (int k = 0; k < 3; k++) {
				c[k] = clamp(c[k] + 1.28f * brightness);
				c[k] = clamp((c[k] - 128) * (100 + contrast) / 100f + 128);
			}
			float luma = 0.299f * c[0] + 0.587f * c[1] + 0.114f * c[2];
			expected[i] = new int[3];
			for (int k = 0; k < 3; k++) {
				expected[i][k] = Math.round(clamp(luma + (c[k] - luma) * (100 + saturation) / 100f));
			}
		}
		assertPatches(new Edits(null, null, 0, brightness, contrast, saturation, null), expected);
	}

	@ParameterizedTest
	@EnumSource(Edits.Filter.class)
	void eachFilterChangesThePixelsAsDocumented(Edits.Filter filter) {
		int[][] expected = new int[PATCHES.length][];
		for (int i = 0; i < PATCHES.length; i++) {
			float r = PATCHES[i].getRed(), g = PATCHES[i].getGreen(), b = PATCHES[i].getBlue();
			float luma = 0.299f * r + 0.587f * g + 0.114f * b;
			float[] out = switch (filter) {
				case MONO -> new float[] { luma, luma, luma };
				case SEPIA -> new float[] { 0.393f * r + 0.769f * g + 0.189f * b, 0.349f * r + 0.686f * g + 0.168f * b,
						0.272f * r + 0.534f * g + 0.131f * b };
				case WARM -> new float[] { r * 1.1f, g, b * 0.9f };
				case COOL -> new float[] { r * 0.9f, g, b * 1.1f };
				case VIVID -> new float[] { (luma + (r - luma) * 1.4f - 128) * 1.1f + 128, (luma + (g - luma) * 1.4f - 128) * 1.1f + 128,
						(luma + (b - luma) * 1.4f - 128) * 1.1f + 128 };
				case FADE -> new float[] { 0.8f * r + 40, 0.8f * g + 40, 0.8f * b + 40 };
			};
			expected[i] = new int[] { Math.round(clamp(out[0])), Math.round(clamp(out[1])), Math.round(clamp(out[2])) };
		}
		assertPatches(new Edits(null, null, 0, 0, 0, 0, filter), expected);
	}

	@Test
	void rejectsEditsOutOfRange() {
		assertThatThrownBy(() -> new Edits(null, null, 45, 0, 0, 0, null)).hasMessageContaining("rotate");
		assertThatThrownBy(() -> new Edits(null, null, 0, 101, 0, 0, null)).hasMessageContaining("brightness");
		assertThatThrownBy(() -> Edits.Aspect.of("16:9")).hasMessageContaining("aspect");
		assertThatThrownBy(() -> Edits.Filter.of("lomo")).hasMessageContaining("filter");
		assertThatThrownBy(() -> new Edits(Edits.Aspect.SQUARE, new Edits.Crop(0, 0, 1, 1), 0, 0, 0, 0, null))
			.hasMessageContaining("either");
	}

	@Test
	void subsamplesLargeInputsToTwiceTheLargestOutputWithinTheDecodeBudget() {
		assertThat(ImageProcessor.subsampling(new java.awt.Rectangle(8660, 5773))).isEqualTo(4);
		assertThat(ImageProcessor.subsampling(new java.awt.Rectangle(4000, 3000))).isEqualTo(1);
		assertThat(ImageProcessor.subsampling(new java.awt.Rectangle(2000, 25000))).isEqualTo(2);
	}

	private void assertPatches(Edits edits, int[][] expected) {
		BufferedImage large = largeOf(processor.process(TestImages.png(stripes(600, 200, PATCHES)), edits));
		for (int i = 0; i < PATCHES.length; i++) {
			int[] actual = mean(large, 200 * i + 80, 80, 40);
			int patch = i;
			assertThat(actual).as("patch %d", i).satisfies(a -> {
				for (int k = 0; k < 3; k++) {
					assertThat(a[k]).isCloseTo(expected[patch][k], org.assertj.core.data.Offset.offset(4));
				}
			});
		}
		int[] untouched = mean(largeOf(processor.process(TestImages.png(stripes(600, 200, PATCHES)), Edits.NONE)), 80, 80, 40);
		assertThat(untouched).as("without edits the patch stays").satisfies(a -> assertClose(a, PATCHES[0]));
	}

	private static BufferedImage largeOf(ProcessedImage image) {
		return decode(image.renditions().stream().filter(r -> r.variant() == Variant.LARGE).findFirst().orElseThrow().jpeg());
	}

	private void assertRejected(byte[] bytes, Reason reason) {
		assertThatThrownBy(() -> processor.process(bytes, Edits.NONE))
			.isInstanceOfSatisfying(ImageRejected.class, e -> assertThat(e.reason()).isEqualTo(reason));
	}

	private static void assertClose(int[] actual, Color expected) {
		int[] e = { expected.getRed(), expected.getGreen(), expected.getBlue() };
		for (int k = 0; k < 3; k++) {
			assertThat(actual[k]).as("channel %d of %s", k, Arrays.toString(actual)).isCloseTo(e[k],
					org.assertj.core.data.Offset.offset(12));
		}
	}

	private static float clamp(float v) {
		return Math.max(0, Math.min(255, v));
	}

	private static boolean isProgressive(byte[] jpeg) {
		// SOF2 marks a progressive JPEG
		for (int i = 0; i + 1 < jpeg.length; i++) {
			if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC2) {
				return true;
			}
		}
		return false;
	}
}
