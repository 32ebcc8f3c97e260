package app.mosaic.platform.web;

import java.util.List;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.NestedRuntimeException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/**
 * Turns every failure inside a controller into problem+json: validation with field errors, Mosaic's
 * {@link ApiProblem}s, Spring MVC's own errors, and anything unexpected as a bare 500 (logged, never shown).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

	@ExceptionHandler(ApiProblem.class)
	ResponseEntity<Object> apiProblem(ApiProblem ex) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(ex.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (ex.retryAfterSeconds() != null) {
			response.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()));
		}
		return response.body(Problems.of(ex.status(), ex.title(), ex.getMessage()));
	}

	/** A multipart body that cannot be parsed (no boundary, no closing boundary...): the client's to fix. */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Object> malformedMultipart(MultipartException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Malformed request body",
				"The multipart body cannot be read: send multipart/form-data with a boundary that closes it.");
	}

	/**
	 * Every database connection is busy (an overload): shed the request, tell the client when to retry. A read
	 * finds out in JDBC, a transaction when it begins.
	 */
	@ExceptionHandler({ CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class })
	ResponseEntity<Object> overloaded(NestedRuntimeException ex) {
		log.warn("No database connection within the pool's wait: {}", ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.header(HttpHeaders.RETRY_AFTER, "1")
			.body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", "Mosaic is busy right now. Try again in a moment."));
	}

	@ExceptionHandler(PageRequest.InvalidParameterException.class)
	ResponseEntity<Object> invalidParameter(PageRequest.InvalidParameterException ex) {
		return validationFailed(List.of(new Problems.FieldError(ex.parameter(), ex.getMessage())));
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
		List<Problems.FieldError> errors = ex.getConstraintViolations().stream()
			.map(v -> new Problems.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
			.toList();
		return validationFailed(errors);
	}

	@ExceptionHandler({ AccessDeniedException.class })
	ResponseEntity<Object> accessDenied(AccessDeniedException ex) {
		return problem(HttpStatus.FORBIDDEN, "Forbidden", "You are not allowed to do this.");
	}

	@ExceptionHandler({ AuthenticationException.class })
	ResponseEntity<Object> unauthenticated(AuthenticationException ex) {
		return problem(HttpStatus.UNAUTHORIZED, "Unauthorized", "Sign in first.");
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex) {
		log.error("Unexpected error", ex);
		ProblemDetail body = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"Something went wrong on our side. It has been logged.");
		String traceId = MDC.get("traceId");
		if (traceId != null) {
			body.setProperty("traceId", traceId);
		}
		return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Problems.FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
			.map(e -> new Problems.FieldError(e.getField(), e.getDefaultMessage()))
			.toList();
		List<Problems.FieldError> global = ex.getBindingResult().getGlobalErrors().stream()
			.map(e -> new Problems.FieldError(e.getObjectName(), e.getDefaultMessage()))
			.toList();
		return validationFailed(concat(errors, global));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Problems.FieldError> errors = ex.getParameterValidationResults().stream()
			.flatMap(result -> result.getResolvableErrors().stream()
				.map(error -> new Problems.FieldError(parameterName(result), error.getDefaultMessage())))
			.toList();
		return validationFailed(errors);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestBodyFilter.BodyTooLargeException) {
				return problem(HttpStatus.CONTENT_TOO_LARGE, "Content too large", cause.getMessage());
			}
			if (cause instanceof DatabindException invalid && !invalid.getPath().isEmpty()) {
				return invalidField(invalid);
			}
		}
		return problem(HttpStatus.BAD_REQUEST, "Malformed request body",
				"The request body is missing or is not valid JSON of the expected shape.");
	}

	/** A JSON value of the wrong type or with refused text, also from a controller's own conversion. */
	@ExceptionHandler(DatabindException.class)
	ResponseEntity<Object> invalidField(DatabindException ex) {
		return validationFailed(List.of(new Problems.FieldError(StrictJson.field(ex), StrictJson.message(ex))));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		// Spring MVC's own errors (404, 405, 413, 415...): keep their status and safe detail, in Mosaic's shape
		HttpStatus status = HttpStatus.valueOf(statusCode.value());
		if (body == null && ex instanceof org.springframework.web.ErrorResponse error) {
			body = error.getBody(); // such as "Required part 'file' is not present."
		}
		String detail = body instanceof ProblemDetail pd && pd.getDetail() != null ? pd.getDetail() : status.getReasonPhrase();
		ProblemDetail problem = Problems.of(status, status.getReasonPhrase(), detail);
		HttpHeaders out = new HttpHeaders();
		out.addAll(headers);
		out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return new ResponseEntity<>(problem, out, status);
	}

	private ResponseEntity<Object> validationFailed(List<Problems.FieldError> errors) {
		ProblemDetail body = Problems.withFieldErrors(
				Problems.of(HttpStatus.BAD_REQUEST, "Validation failed", "Some fields are not valid; see errors."),
				errors);
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}

	private ResponseEntity<Object> problem(HttpStatus status, String title, String detail) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.of(status, title, detail));
	}

	private static String parameterName(ParameterValidationResult result) {
		String name = result.getMethodParameter().getParameterName();
		return name != null ? name : "parameter";
	}

	private static String lastNode(String path) {
		int dot = path.lastIndexOf('.');
		return dot < 0 ? path : path.substring(dot + 1);
	}

	private static <T> List<T> concat(List<T> a, List<T> b) {
		return b.isEmpty() ? a : java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
	}
}
