package app.mosaic.platform.web;

import org.springframework.http.HttpStatus;

/**
 * A failure a client caused or must know about, answered as problem+json with its status.
 * Services throw it from domain and web code; its detail is written for the client, never internals.
 */
public class ApiProblem extends RuntimeException {

	private final HttpStatus status;
	private final String title;
	private final Long retryAfterSeconds;

	public ApiProblem(HttpStatus status, String title, String detail) {
		this(status, title, detail, null);
	}

	public ApiProblem(HttpStatus status, String title, String detail, Long retryAfterSeconds) {
		super(detail);
		this.status = status;
		this.title = title;
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public static ApiProblem badRequest(String detail) {
		return new ApiProblem(HttpStatus.BAD_REQUEST, "Bad request", detail);
	}

	public static ApiProblem unauthorized(String detail) {
		return new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
	}

	public static ApiProblem forbidden(String detail) {
		return new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden", detail);
	}

	/** Also for what exists but the caller may not see: existence must not leak. */
	public static ApiProblem notFound(String detail) {
		return new ApiProblem(HttpStatus.NOT_FOUND, "Not found", detail);
	}

	public static ApiProblem conflict(String detail) {
		return new ApiProblem(HttpStatus.CONFLICT, "Conflict", detail);
	}

	public static ApiProblem tooLarge(String detail) {
		return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "Content too large", detail);
	}

	public static ApiProblem unsupportedMediaType(String detail) {
		return new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", detail);
	}

	public static ApiProblem tooManyRequests(String detail, long retryAfterSeconds) {
		return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", detail, retryAfterSeconds);
	}

	public static ApiProblem unavailable(String detail, long retryAfterSeconds) {
		return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", detail, retryAfterSeconds);
	}

	public HttpStatus status() {
		return status;
	}

	public String title() {
		return title;
	}

	public Long retryAfterSeconds() {
		return retryAfterSeconds;
	}
}
