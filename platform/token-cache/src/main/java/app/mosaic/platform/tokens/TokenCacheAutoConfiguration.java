package app.mosaic.platform.tokens;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.util.ClassUtils;

/**
 * Wraps whatever JWT decoder the application has (Spring Boot's, from the issuer's JWKS) so that each token is
 * verified once: the gateway's reactive decoder and each service's servlet decoder alike. Metrics:
 * {@code cache_gets_total{cache="verified-tokens"}} by hit and miss.
 */
@AutoConfiguration
@ConditionalOnClass(JwtDecoder.class)
@ConditionalOnBooleanProperty(name = "mosaic.tokens.cache.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TokenCacheProperties.class)
public class TokenCacheAutoConfiguration {

	private static final boolean REACTOR = ClassUtils.isPresent("reactor.core.publisher.Mono",
			TokenCacheAutoConfiguration.class.getClassLoader());

	@Bean
	VerifiedTokens verifiedTokens(TokenCacheProperties properties) {
		return new VerifiedTokens(properties.maximumSize(), properties.maxAge());
	}

	@Bean
	static BeanPostProcessor verifiedTokensDecoders(ObjectProvider<VerifiedTokens> tokens) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof JwtDecoder decoder && !(bean instanceof CachingJwtDecoder)) {
					return new CachingJwtDecoder(decoder, tokens.getObject());
				}
				if (REACTOR && bean instanceof ReactiveJwtDecoder) {
					return Reactive.wrap(bean, tokens.getObject());
				}
				return bean;
			}
		};
	}

	@Bean
	@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
	MeterBinder verifiedTokensMetrics(VerifiedTokens tokens) {
		return registry -> CaffeineCacheMetrics.monitor(registry, tokens.cache(), "verified-tokens");
	}

	/** Kept apart so that a service without Reactor never loads a class that names Mono. */
	private static final class Reactive {

		static Object wrap(Object bean, VerifiedTokens tokens) {
			return bean instanceof CachingReactiveJwtDecoder ? bean
					: new CachingReactiveJwtDecoder((ReactiveJwtDecoder) bean, tokens);
		}
	}
}
