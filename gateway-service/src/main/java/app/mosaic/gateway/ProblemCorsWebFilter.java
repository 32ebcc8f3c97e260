package app.mosaic.gateway;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS as Spring's CorsWebFilter does it, but a refused cross-origin request answers 403 problem+json instead of
 * an empty body. Runs before the security chain, so preflights need no token.
 */
class ProblemCorsWebFilter implements WebFilter, Ordered {

	private final CorsConfigurationSource source;
	private final DefaultCorsProcessor processor = new DefaultCorsProcessor();

	ProblemCorsWebFilter(CorsConfigurationSource source) {
		this.source = source;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!processor.process(source.getCorsConfiguration(exchange), exchange)) {
			return GatewayProblems.write(exchange.getResponse(), HttpStatus.FORBIDDEN,
					"This origin may not call the Mosaic API from a browser.", null);
		}
		return CorsUtils.isPreFlightRequest(exchange.getRequest()) ? Mono.empty() : chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return -200; // before Spring Security's chain (-100)
	}
}
