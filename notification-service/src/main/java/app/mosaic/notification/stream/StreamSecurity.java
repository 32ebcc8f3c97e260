package app.mosaic.notification.stream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import app.mosaic.platform.security.HeaderBearerTokenResolver;

/**
 * Browsers' EventSource cannot send an Authorization header: on the stream, and only there, the token may come as
 * {@code ?access_token=}. Nothing logs a request's query string.
 */
@Configuration(proxyBeanMethods = false)
class StreamSecurity {

	static final String STREAM = "/api/v1/notifications/stream";

	@Bean
	BearerTokenResolver bearerTokenResolver() {
		HeaderBearerTokenResolver header = new HeaderBearerTokenResolver();
		DefaultBearerTokenResolver headerOrQuery = new DefaultBearerTokenResolver();
		headerOrQuery.setAllowUriQueryParameter(true);
		return request -> STREAM.equals(request.getRequestURI()) ? headerOrQuery.resolve(request) : header.resolve(request);
	}
}
