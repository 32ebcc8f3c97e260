package app.mosaic.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rate limits, answered with 429 and Retry-After: a generous per-address limit on /api/v1/auth/** (many people
 * may sign in from one address), a per-user limit elsewhere, and failed sign-ins counted per login and per
 * address so password guessing stops after a few tries. Buckets live in this instance's memory (bounded);
 * several gateway replicas each enforce their own share.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

	private static final String AUTH_PREFIX = "/api/v1/auth/";
	private static final String SIGN_IN = "/api/v1/auth/token";
	private static final int MAX_KEYS = 100_000;

	private final GatewayProperties limits;
	private final ClientAddress clients;
	private final JsonMapper json = JsonMapper.builder().build();
	private final Map<String, Bucket> requestBuckets = lru();
	private final Map<String, Bucket> failureBuckets = lru();

	RateLimitFilter(GatewayProperties limits) {
		this.limits = limits;
		this.clients = new ClientAddress(limits.trustedProxies());
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		String ip = clients.of(exchange.getRequest().getRemoteAddress(),
				exchange.getRequest().getHeaders().get("X-Forwarded-For"));
		if (path.startsWith(AUTH_PREFIX)) {
			ConsumptionProbe probe = bucket(requestBuckets, "auth-ip:" + ip, limits.authPerIp(), Duration.ofMinutes(1))
				.tryConsumeAndReturnRemaining(1);
			if (!probe.isConsumed()) {
				return tooMany(exchange, probe.getNanosToWaitForRefill());
			}
			if (path.equals(SIGN_IN) && exchange.getRequest().getMethod() == HttpMethod.POST) {
				return guardSignIn(exchange, chain, ip);
			}
			return chain.filter(exchange);
		}
		return exchange.getPrincipal()
			.map(principal -> "user:" + principal.getName())
			.defaultIfEmpty("ip:" + ip)
			.flatMap(key -> {
				ConsumptionProbe probe = bucket(requestBuckets, key, limits.perUser(), Duration.ofMinutes(1))
					.tryConsumeAndReturnRemaining(1);
				return probe.isConsumed() ? chain.filter(exchange) : tooMany(exchange, probe.getNanosToWaitForRefill());
			});
	}

	private Mono<Void> guardSignIn(ServerWebExchange exchange, GatewayFilterChain chain, String ip) {
		return ServerWebExchangeUtils.cacheRequestBodyAndRequest(exchange, request -> {
			ServerWebExchange cached = exchange.mutate().request(request).build();
			String login = login(cached.getAttribute(ServerWebExchangeUtils.CACHED_REQUEST_BODY_ATTR));
			List<Bucket> buckets = new ArrayList<>();
			buckets.add(bucket(failureBuckets, "login-ip:" + ip, limits.failedSignInsPerIp(), limits.failedSignInWindow()));
			if (login != null) {
				// one guesser is stopped early; a lock-out of the owner needs many addresses, and Keycloak's
				// per-account detection stands behind both
				buckets.add(bucket(failureBuckets, "login@ip:" + login + "@" + ip, limits.failedSignInsPerLogin(),
						limits.failedSignInWindow()));
				buckets.add(bucket(failureBuckets, "login:" + login, limits.failedSignInsPerLoginAllAddresses(),
						limits.failedSignInWindow()));
			}
			for (Bucket b : buckets) {
				if (b.getAvailableTokens() <= 0) {
					return tooMany(cached, b.estimateAbilityToConsume(1).getNanosToWaitForRefill());
				}
			}
			cached.getResponse().beforeCommit(() -> {
				if (HttpStatus.UNAUTHORIZED.equals(cached.getResponse().getStatusCode())) {
					buckets.forEach(b -> b.tryConsume(1));
				}
				return Mono.empty();
			});
			return chain.filter(cached);
		});
	}

	private String login(DataBuffer body) {
		if (body == null) {
			return null;
		}
		try {
			JsonNode node = json.readTree(body.toString(StandardCharsets.UTF_8));
			String login = node.path("login").asString(null);
			return login == null ? null : login.trim().toLowerCase();
		}
		catch (RuntimeException e) {
			return null; // the service answers 400 for a body it cannot read
		}
	}

	private static Mono<Void> tooMany(ServerWebExchange exchange, long nanosToWait) {
		long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanosToWait) + 1);
		return GatewayProblems.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS,
				"Too many requests. Try again in " + seconds + " seconds.", seconds);
	}

	private static Bucket bucket(Map<String, Bucket> buckets, String key, int capacity, Duration period) {
		return buckets.computeIfAbsent(key, k -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
			.build());
	}

	private static <V> Map<String, V> lru() {
		return Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
				return size() > MAX_KEYS;
			}
		});
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

}
