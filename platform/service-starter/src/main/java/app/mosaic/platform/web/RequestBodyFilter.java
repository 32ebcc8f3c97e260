package app.mosaic.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a request body must be before anything reads it:
 * <ul>
 * <li>no larger than {@code mosaic.web.max-body-size}, counted on the bytes actually read, so a chunked body
 * (no Content-Length) is cut off like a declared one (413); multipart uploads keep their own, larger limits;</li>
 * <li>JSON in UTF-8 (RFC 8259): a JSON body declared in another charset, or whose first bytes are UTF-16 or
 * UTF-32 (which Jackson would otherwise detect and read), is answered 415, so no check upstream can be passed
 * by spelling the same request in another encoding.</li>
 * </ul>
 */
class RequestBodyFilter extends OncePerRequestFilter {

	private final long maxBodySize;

	RequestBodyFilter(DataSize maxBodySize) {
		this.maxBodySize = maxBodySize.toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		MediaType type = mediaType(request.getContentType());
		if (type != null && MediaType.MULTIPART_FORM_DATA.includes(type)) {
			chain.doFilter(request, response); // limited by spring.servlet.multipart, per file and per request
			return;
		}
		if (request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null) {
			chain.doFilter(request, response); // no body: nothing to check, and the request stays untouched
			return;
		}
		if (request.getContentLengthLong() > maxBodySize) {
			tooLarge(response);
			return;
		}
		if (type != null && isJson(type) && !declaresUtf8OrNothing(type)) {
			notUtf8(response);
			return;
		}
		PushbackInputStream body = new PushbackInputStream(new LimitedInputStream(request.getInputStream(), maxBodySize), 4);
		if (type != null && isJson(type)) {
			byte[] head = new byte[4];
			int read = body.readNBytes(head, 0, 4);
			if (read > 0) {
				body.unread(head, 0, read);
			}
			if (startsLikeUtf16Or32(head, read)) {
				notUtf8(response);
				return;
			}
		}
		chain.doFilter(new HttpServletRequestWrapper(request) {
			@Override
			public ServletInputStream getInputStream() {
				return new WrappedInputStream(body);
			}
		}, response);
	}

	private static boolean isJson(MediaType type) {
		return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
	}

	private static boolean declaresUtf8OrNothing(MediaType type) {
		try {
			Charset declared = type.getCharset();
			return declared == null || StandardCharsets.UTF_8.equals(declared);
		}
		catch (IllegalArgumentException e) {
			return false; // an unknown charset is not UTF-8 either
		}
	}

	/** JSON text starts with ASCII: a zero byte among the first four, or a UTF-16 byte order mark, is not UTF-8. */
	private static boolean startsLikeUtf16Or32(byte[] head, int read) {
		if (read >= 2 && ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF || (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)) {
			return true;
		}
		for (int i = 0; i < read; i++) {
			if (head[i] == 0) {
				return true;
			}
		}
		return false;
	}

	private static MediaType mediaType(String contentType) {
		if (contentType == null) {
			return null;
		}
		try {
			return MediaType.parseMediaType(contentType);
		}
		catch (InvalidMediaTypeException e) {
			return null; // Spring MVC answers 415 for a media type it cannot read
		}
	}

	private static void notUtf8(HttpServletResponse response) throws IOException {
		Problems.write(response, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
				"JSON must be encoded as UTF-8."));
	}

	private void tooLarge(HttpServletResponse response) throws IOException {
		Problems.write(response, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "Content too large",
				"The request body is larger than the " + DataSize.ofBytes(maxBodySize).toKilobytes() + " KB this service accepts."));
	}

	/** Thrown while reading past the limit; answered 413 by {@link ProblemExceptionHandler}. */
	static class BodyTooLargeException extends IOException {
		BodyTooLargeException() {
			super("The request body is larger than this service accepts.");
		}
	}

	private static final class LimitedInputStream extends InputStream {

		private final InputStream in;
		private long left;

		LimitedInputStream(InputStream in, long limit) {
			this.in = in;
			this.left = limit;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0 && --left < 0) {
				throw new BodyTooLargeException();
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			if (n > 0 && (left -= n) < 0) {
				throw new BodyTooLargeException();
			}
			return n;
		}
	}

	private static final class WrappedInputStream extends ServletInputStream {

		private final InputStream in;
		private boolean finished;

		WrappedInputStream(InputStream in) {
			this.in = in;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			finished = b < 0;
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			finished = n < 0;
			return n;
		}

		@Override
		public boolean isFinished() {
			return finished;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
			// Spring MVC reads request bodies blocking (on virtual threads); Servlet async I/O is never started here
			throw new IllegalStateException("Request bodies are read blocking in Mosaic's services");
		}
	}
}
