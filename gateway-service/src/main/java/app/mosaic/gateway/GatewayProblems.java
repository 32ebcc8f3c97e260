package app.mosaic.gateway;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

/** Problem+json answers the gateway gives itself, in the same shape as the services'. */
final class GatewayProblems {

	private GatewayProblems() {
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
		String title = status.getReasonPhrase();
		String body = "{\"type\":\"https://mosaic.app/problems/%s\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}"
			.formatted(title.toLowerCase().replaceAll("[^a-z0-9]+", "-"), title, status.value(), detail.replace("\"", "'"));
		DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
		return response.writeWith(Mono.just(buffer));
	}
}
