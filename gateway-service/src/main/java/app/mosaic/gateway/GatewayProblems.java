package app.mosaic.gateway;

import java.net.URI;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem+json answers the gateway gives itself: the same {@link ProblemDetail} the services render (RFC 9457,
 * extra members at the top level), with the same type URIs.
 */
final class GatewayProblems {

	static final String TYPE_BASE = "https://mosaic.app/problems/";
	private static final JsonMapper JSON = JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

	private GatewayProblems() {
	}

	static ProblemDetail of(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(status.getReasonPhrase());
		problem.setType(URI.create(TYPE_BASE + status.getReasonPhrase().toLowerCase().replaceAll("[^a-z0-9]+", "-")));
		return problem;
	}

	static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String detail, Long retryAfterSeconds) {
		if (response.isCommitted()) {
			return Mono.empty();
		}
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (retryAfterSeconds != null) {
			response.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
		}
		DataBuffer buffer = response.bufferFactory().wrap(JSON.writeValueAsBytes(of(status, detail)));
		return response.writeWith(Mono.just(buffer));
	}
}
