package app.mosaic.gateway;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Where an open circuit or a timed-out route lands: 503 with Retry-After, never a hang or a stack trace. */
@RestController
class FallbackController {

	@RequestMapping("/fallback/{service}")
	Mono<Void> fallback(ServerWebExchange exchange) {
		return GatewayProblems.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE,
				"This part of Mosaic is unavailable right now. Try again shortly.", 10L);
	}
}
