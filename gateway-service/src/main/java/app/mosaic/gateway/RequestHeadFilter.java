package app.mosaic.gateway;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Addresses and headers larger than any Mosaic client needs answer 414 and 431 as problem+json here. Netty's
 * own limits are set well above these (server.netty.max-initial-line-length,
 * server.max-http-request-header-size), because Netty refuses with an empty body.
 */
@Component
class RequestHeadFilter implements WebFilter, Ordered {

	static final int MAX_URI_LENGTH = 4096;
	/** The services' own limit (Tomcat's 8 KB): anything larger would only be refused behind the gateway. */
	static final int MAX_HEADER_BYTES = 8192;

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		var uri = exchange.getRequest().getURI();
		int uriLength = uri.getRawPath().length() + (uri.getRawQuery() == null ? 0 : uri.getRawQuery().length() + 1);
		if (uriLength > MAX_URI_LENGTH) {
			return GatewayProblems.write(exchange.getResponse(), HttpStatus.URI_TOO_LONG,
					"The address is longer than " + MAX_URI_LENGTH + " characters.", null);
		}
		long headerBytes = exchange.getRequest().getHeaders().headerSet().stream()
			.mapToLong(h -> h.getKey().length() + h.getValue().stream().mapToLong(v -> v.length() + 4).sum())
			.sum();
		if (headerBytes > MAX_HEADER_BYTES) {
			return GatewayProblems.write(exchange.getResponse(), HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
					"The request headers are larger than " + MAX_HEADER_BYTES / 1024 + " KB.", null);
		}
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE; // before security and routing: nothing reads a request this large
	}
}
