package app.mosaic.platform.calls;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.openfeign.FallbackFactory;

import app.mosaic.platform.web.ApiProblem;
import feign.FeignException;

/**
 * The fallback of an internal Feign client: a 4xx answer reaches the caller unchanged as a
 * {@link FeignException.FeignClientException} (its meaning is the caller's to map); anything else (the
 * service is down, slow, answers 5xx, or the circuit is open) becomes a 503 problem for the user.
 */
public abstract class ClientErrorsOrUnavailable<T> implements FallbackFactory<T> {

	private static final Logger log = LoggerFactory.getLogger(ClientErrorsOrUnavailable.class);

	private final Class<T> client;
	private final String service;

	/** @param service how the user reads the service's name, such as "Media" */
	protected ClientErrorsOrUnavailable(Class<T> client, String service) {
		this.client = client;
		this.service = service;
	}

	@Override
	public T create(Throwable cause) {
		return client.cast(Proxy.newProxyInstance(client.getClassLoader(), new Class<?>[] { client },
				(proxy, method, args) -> fail(method, cause)));
	}

	private Object fail(Method method, Throwable cause) {
		if (cause instanceof FeignException.FeignClientException clientError) {
			throw clientError;
		}
		log.warn("{}.{} failed: {}", client.getSimpleName(), method.getName(), cause.toString());
		throw ApiProblem.unavailable(service + " is not available right now. Try again in a moment.", 10);
	}
}
