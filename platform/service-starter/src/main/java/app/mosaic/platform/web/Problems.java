package app.mosaic.platform.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the problem+json bodies every Mosaic service answers with (RFC 9457). */
public final class Problems {

	/** The documentation base of problem types; {@code type} is this plus the status's slug. */
	public static final String TYPE_BASE = "https://mosaic.app/problems/";

	private Problems() {
	}

	public static ProblemDetail of(HttpStatusCode status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create(TYPE_BASE + slug(title)));
		return problem;
	}

	public static ProblemDetail withFieldErrors(ProblemDetail problem, List<FieldError> errors) {
		problem.setProperty("errors", errors);
		return problem;
	}

	static String slug(String title) {
		return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
	}

	/** One invalid field of a request: its JSON name and what is wrong with it. */
	public record FieldError(String field, String message) {
	}
}
