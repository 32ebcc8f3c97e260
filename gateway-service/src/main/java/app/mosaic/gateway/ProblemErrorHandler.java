package app.mosaic.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Every error the gateway itself raises (no route, too large, bad gateway) as problem+json. */
@Component
@Order(-2) // before Boot's default handler
class ProblemErrorHandler implements ErrorWebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		HttpStatus status = ex instanceof ResponseStatusException rse ? HttpStatus.resolve(rse.getStatusCode().value())
				: HttpStatus.INTERNAL_SERVER_ERROR;
		if (status == null) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		String detail = switch (status) {
			case NOT_FOUND -> "No such resource.";
			case CONTENT_TOO_LARGE -> "The request is too large.";
			case SERVICE_UNAVAILABLE, GATEWAY_TIMEOUT, BAD_GATEWAY -> "This part of Mosaic is unavailable right now.";
			case INTERNAL_SERVER_ERROR -> "Something went wrong on our side. It has been logged.";
			default -> status.getReasonPhrase();
		};
		if (status == HttpStatus.INTERNAL_SERVER_ERROR) { // unexpected: the trace is what finds it
			log.error("Gateway error on {}", exchange.getRequest().getPath(), ex);
		}
		else if (status.is5xxServerError()) {
			log.warn("Gateway error on {}: {}", exchange.getRequest().getPath(), ex.toString());
		}
		Long retryAfter = status == HttpStatus.SERVICE_UNAVAILABLE || status == HttpStatus.GATEWAY_TIMEOUT ? 10L : null;
		return GatewayProblems.write(exchange.getResponse(), status, detail, retryAfter);
	}
}
