package app.mosaic.gateway;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Refuses bodies larger than the route allows (its {@code max-request-size} metadata, else the default)
 * with 413 before they reach a service.
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
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 5;
	}
}
