package app.mosaic.platform.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;

/** Builds the problem+json bodies every Mosaic service answers with (RFC 9457). */
public final class Problems {

	/** The documentation base of problem types; {@code type} is this plus the status's slug. */
	public static final String TYPE_BASE = "https://mosaic.app/problems/";

	// the mixin Spring MVC uses, so extra properties sit at the top level as RFC 9457 wants
	private static final JsonMapper WRITER = JsonMapper.builder()
		.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
		.changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	private Problems() {
	}

	public static ProblemDetail of(HttpStatusCode status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create(TYPE_BASE + slug(title)));
		return problem;
	}

	/** Writes a problem outside Spring MVC (servlet filters, the security chain), as Spring MVC would render it. */
	public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		WRITER.writeValue(response.getOutputStream(), problem);
	}

	/** The problem as the JSON text Spring MVC would render. */
	public static String json(ProblemDetail problem) {
		return WRITER.writeValueAsString(problem);
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
