package app.mosaic.gateway;

import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Gives every request a correlation id (the client's, if sane), passes it downstream and returns it. */
@Component
class CorrelationIdFilter implements GlobalFilter, Ordered {

	static final String HEADER = "X-Correlation-Id";
	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		String given = exchange.getRequest().getHeaders().getFirst(HEADER);
		String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
		exchange.getResponse().getHeaders().set(HEADER, id);
		return chain.filter(exchange.mutate().request(r -> r.headers(h -> h.set(HEADER, id))).build());
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}
}
