package app.mosaic.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body for {@link HttpApi.Call#body(String, byte[])}, as browsers send uploads. */
public final class MultipartBody {

	private final String boundary = "mosaic-" + UUID.randomUUID();
	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	public MultipartBody file(String name, String filename, String contentType, byte[] bytes) {
		header("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename + "\"\r\nContent-Type: "
				+ contentType);
		out.writeBytes(bytes);
		out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		return this;
	}

	/** A text field; {@code contentType} may be null, as for a plain form field. */
	public MultipartBody field(String name, String contentType, String value) {
		header("Content-Disposition: form-data; name=\"" + name + "\""
				+ (contentType == null ? "" : "\r\nContent-Type: " + contentType));
		out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
		out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		return this;
	}

	public String contentType() {
		return "multipart/form-data; boundary=" + boundary;
	}

	public byte[] bytes() {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		all.writeBytes(out.toByteArray());
		all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		return all.toByteArray();
	}

	private void header(String lines) {
		out.writeBytes(("--" + boundary + "\r\n" + lines + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
	}
}
