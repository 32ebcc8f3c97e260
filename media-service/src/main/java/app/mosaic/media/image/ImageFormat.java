package app.mosaic.media.image;

import java.util.Arrays;
import java.util.Optional;

/** The input formats accepted, recognised by their leading bytes: a file's name and declared type are never trusted. */
public enum ImageFormat {

	JPEG("jpeg"), PNG("png"), GIF("gif"), WEBP("webp");

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private final String imageIoName;

	ImageFormat(String imageIoName) {
		this.imageIoName = imageIoName;
	}

	String imageIoName() {
		return imageIoName;
	}

	public static Optional<ImageFormat> detect(byte[] b) {
		if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
			return Optional.of(JPEG);
		}
		if (b.length >= 8 && Arrays.equals(b, 0, 8, PNG_SIGNATURE, 0, 8)) {
			return Optional.of(PNG);
		}
		if (startsWith(b, 0, "GIF87a") || startsWith(b, 0, "GIF89a")) {
			return Optional.of(GIF);
		}
		if (startsWith(b, 0, "RIFF") && startsWith(b, 8, "WEBP")) {
			return Optional.of(WEBP);
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] b, int offset, String ascii) {
		if (b.length < offset + ascii.length()) {
			return false;
		}
		for (int i = 0; i < ascii.length(); i++) {
			if (b[offset + i] != ascii.charAt(i)) {
				return false;
			}
		}
		return true;
	}
}
