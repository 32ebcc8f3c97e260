package app.mosaic.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Test pictures built in code, so every expectation can be computed from how they were made. */
public final class TestImages {

	private TestImages() {
	}

	/** Vertical stripes of the given colours, equally wide. */
	public static BufferedImage stripes(int width, int height, Color... colours) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		for (int i = 0; i < colours.length; i++) {
			g.setColor(colours[i]);
			int x0 = width * i / colours.length;
			int x1 = width * (i + 1) / colours.length;
			g.fillRect(x0, 0, x1 - x0, height);
		}
		g.dispose();
		return image;
	}

	public static byte[] jpeg(BufferedImage image) {
		return jpeg(image, false);
	}

	public static byte[] jpeg(BufferedImage image, boolean progressive) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(out);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.95f);
			if (progressive) {
				param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
			}
			writer.write(null, new IIOImage(image, null, null), param);
			out.flush();
			return bytes.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			writer.dispose();
		}
	}

	public static byte[] png(BufferedImage image) {
		try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
			ImageIO.write(image, "png", bytes);
			return bytes.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static BufferedImage decode(byte[] bytes) {
		try {
			return ImageIO.read(new ByteArrayInputStream(bytes));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static byte[] resource(String name) {
		try (InputStream in = TestImages.class.getResourceAsStream("/images/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The JPEG with an EXIF segment inserted after SOI: IFD0 with the orientation and, when {@code gps}, a GPS
	 * directory holding a latitude, as phones write them.
	 */
	public static byte[] withExif(byte[] jpeg, int orientation, boolean gps) {
		ByteBuffer tiff = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
		tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
		int entries = gps ? 2 : 1;
		int gpsIfd = 8 + 2 + entries * 12 + 4;
		tiff.putShort((short) entries);
		tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
		if (gps) {
			tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsIfd);
		}
		tiff.putInt(0);
		if (gps) {
			int rationals = gpsIfd + 2 + 2 * 12 + 4;
			tiff.putShort((short) 2);
			tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
			tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(rationals);
			tiff.putInt(0);
			tiff.putInt(52).putInt(1).putInt(31).putInt(1).putInt(0).putInt(1); // 52° 31' 0"
		}
		byte[] body = new byte[tiff.position()];
		tiff.flip().get(body);
		byte[] header = "Exif\0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		int length = 2 + header.length + body.length;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		out.write(0xFF);
		out.write(0xE1);
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.writeBytes(header);
		out.writeBytes(body);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	/** A valid PNG signature and header claiming the given size, followed by junk: a decompression bomb's shape. */
	public static byte[] pngClaiming(int width, int height) {
		ByteBuffer ihdr = ByteBuffer.allocate(17);
		ihdr.put("IHDR".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(width).putInt(height)
			.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
		CRC32 crc = new CRC32();
		crc.update(ihdr.array());
		ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4 + 64);
		png.put(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
		png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
		return png.array();
	}

	/** The average colour of a square region, to compare against expectations with JPEG's small errors. */
	public static int[] mean(BufferedImage image, int x, int y, int size) {
		long r = 0, g = 0, b = 0;
		for (int j = y; j < y + size; j++) {
			for (int i = x; i < x + size; i++) {
				int p = image.getRGB(i, j);
				r += (p >> 16) & 0xFF;
				g += (p >> 8) & 0xFF;
				b += p & 0xFF;
			}
		}
		int n = size * size;
		return new int[] { (int) (r / n), (int) (g / n), (int) (b / n) };
	}
}
