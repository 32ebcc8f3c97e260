package app.mosaic.media.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The media pipeline against libvips on the same files, in the same run: a 12-megapixel JPEG into all four
 * variants (thumb 150×150 centre crop, 320, 640 and 1080 wide, progressive JPEG, metadata stripped), once
 * by {@link ImageProcessor} (JPEG only, and JPEG plus WebP as the service stores them) and once by four
 * {@code vipsthumbnail} runs, which is how libvips' command line produces four sizes. Also a 50-megapixel
 * input, with the heap capped at the service's 512 MB.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 6)
@Fork(value = 1, jvmArgs = { "-Xmx512m", "-Xms512m", "--enable-native-access=ALL-UNNAMED" })
public class ImagePipelineBenchmark {

	private static final Path DIR = Path.of("target/benchmark-images").toAbsolutePath();

	private Path photo12;
	private byte[] photo12Bytes;
	private byte[] photo50Bytes;
	private ImageProcessor jpegOnly;
	private ImageProcessor jpegAndWebp;

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		Files.createDirectories(DIR);
		photo12 = photo(DIR.resolve("photo-12mp.jpg"), 4000, 3000);
		photo12Bytes = Files.readAllBytes(photo12);
		photo50Bytes = Files.readAllBytes(photo(DIR.resolve("photo-50mp.jpg"), 8660, 5773));
		jpegOnly = new ImageProcessor(50_000_000, 0.85f, false, 0.8f);
		jpegAndWebp = new ImageProcessor(50_000_000, 0.85f, true, 0.8f);
	}

	@Benchmark
	public ProcessedImage mosaicJpeg12() {
		return jpegOnly.process(photo12Bytes, Edits.NONE);
	}

	@Benchmark
	public ProcessedImage mosaicJpegAndWebp12() {
		return jpegAndWebp.process(photo12Bytes, Edits.NONE);
	}

	@Benchmark
	public int vipsthumbnail12() throws Exception {
		Path out = Files.createTempDirectory(DIR, "vips");
		int exit = run(List.of("vipsthumbnail", photo12.toString(), "-s", "150x150", "--smartcrop", "centre", "-o",
				out.resolve("thumb.jpg") + "[Q=85,strip,interlace]"));
		for (int width : new int[] { 320, 640, 1080 }) {
			exit |= run(List.of("vipsthumbnail", photo12.toString(), "-s", width + "x", "-o",
					out.resolve(width + ".jpg") + "[Q=85,strip,interlace]"));
		}
		try (var files = Files.list(out)) {
			for (Path f : files.toList()) {
				Files.delete(f);
			}
		}
		Files.delete(out);
		if (exit != 0) {
			throw new IllegalStateException("vipsthumbnail failed (is libvips-tools installed?)");
		}
		return exit;
	}

	@Benchmark
	public ProcessedImage mosaicJpegAndWebp50() {
		return jpegAndWebp.process(photo50Bytes, Edits.NONE);
	}

	private static int run(List<String> command) throws Exception {
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start().waitFor();
	}

	/**
	 * A photo-like JPEG at quality 90: smooth gradients with sensor-like noise, about as costly to decode as a
	 * camera picture of that size. Written band by band so even 50 megapixels fit the capped heap.
	 */
	private static Path photo(Path file, int width, int height) throws IOException {
		if (Files.exists(file)) {
			return file;
		}
		Random random = new Random(42);
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
		byte[] pixels = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
		int i = 0;
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				double u = (double) x / width;
				double v = (double) y / height;
				int noise = (int) (random.nextGaussian() * 10);
				pixels[i++] = clamp(60 + 120 * v + 40 * Math.sin(u * 9) + noise); // blue
				pixels[i++] = clamp(90 + 80 * Math.cos(v * 7 + u * 3) + noise); // green
				pixels[i++] = clamp(200 - 130 * u + 30 * Math.sin(v * 13) + noise); // red
			}
		}
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		try (OutputStream out = Files.newOutputStream(file); ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.9f);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return file;
	}

	private static byte clamp(double v) {
		return (byte) Math.max(0, Math.min(255, (int) v));
	}
}
