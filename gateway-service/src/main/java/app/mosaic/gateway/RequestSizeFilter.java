package app.mosaic.gateway;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses bodies larger than the route allows (its {@code max-request-size} metadata, else the default)
 * with 413: at once when Content-Length says so, and on the bytes actually read for a chunked body.
 */
@Component
class RequestSizeFilter implements GlobalFilter, Ordered {

	private final DataSize defaultLimit;

	RequestSizeFilter(GatewayProperties properties) {
		this.defaultLimit = properties.maxRequestSize();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		long length = exchange.getRequest().getHeaders().getContentLength();
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		Object routeLimit = route == null ? null : route.getMetadata().get("max-request-size");
		DataSize limit = routeLimit == null ? defaultLimit : DataSize.parse(routeLimit.toString());
		if (length > limit.toBytes()) {
			return GatewayProblems.write(exchange.getResponse(), HttpStatus.CONTENT_TOO_LARGE,
					"The request body is larger than the " + limit.toMegabytes() + " MB this endpoint accepts.", null);
		}
		// a chunked body declares no length: count what actually arrives, and stop at the limit
		long max = limit.toBytes();
		ServerHttpRequest counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
			@Override
			public Flux<DataBuffer> getBody() {
				AtomicLong seen = new AtomicLong();
				return super.getBody().map(buffer -> {
					if (seen.addAndGet(buffer.readableByteCount()) > max) {
						DataBufferUtils.release(buffer);
						throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE);
					}
					return buffer;
				});
			}
		};
		return chain.filter(exchange.mutate().request(counted).build());
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 5;
	}
}
