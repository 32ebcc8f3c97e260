package app.mosaic.gateway;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The web app (web/, built into web/dist) on the gateway's own origin, when WEB_APP_DIR names its build: its files,
 * and index.html for any page of the app a browser opens (the app routes itself). One origin keeps the session
 * cookie SameSite=Strict and the API free of CORS for the app. The API, sockets, docs and probes are never pages.
 */
@Configuration(proxyBeanMethods = false)
class WebApp {

	private static final String[] NOT_PAGES = { "/api/", "/ws/", "/v3/", "/swagger-ui", "/webjars/", "/actuator", "/fallback/" };

	@Bean
	RouterFunction<ServerResponse> webAppRoutes(@Value("${mosaic.gateway.web-app-dir:}") String directory) {
		if (directory.isBlank()) {
			return request -> Mono.empty();
		}
		Path root = Path.of(directory).toAbsolutePath().normalize();
		Resource index = new FileSystemResource(root.resolve("index.html"));
		// this mapping runs before the gateway's routes: an API request must not cost a look at the disk
		RouterFunction<ServerResponse> files = RouterFunctions.resources("/**", new FileSystemResource(root + "/"));
		return ((RouterFunction<ServerResponse>) request -> isApp(request.path()) ? files.route(request) : Mono.empty())
			.and(RouterFunctions.route(RequestPredicates.method(HttpMethod.GET).and(WebApp::isPage),
					request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML)
						// a new build's file names change; the page naming them must never be cached stale
						.cacheControl(CacheControl.noCache()).bodyValue(index)));
	}

	/** A browser opening a page of the app: HTML wanted, no file name, nothing the gateway routes elsewhere. */
	static boolean isPage(ServerRequest request) {
		String path = request.path();
		if (!isApp(path)) {
			return false;
		}
		boolean html = request.headers().accept().stream().anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
		return html && !path.substring(path.lastIndexOf('/') + 1).contains(".");
	}

	/** What the security chain lets through without a token: the app's files and pages (the API keeps its own rules). */
	static boolean isPublicAsset(String method, String path) {
		return (method.equals("GET") || method.equals("HEAD")) && isApp(path);
	}

	/** Under none of the prefixes the gateway routes to services, its docs or its probes. */
	private static boolean isApp(String path) {
		for (String prefix : NOT_PAGES) {
			if (path.startsWith(prefix)) {
				return false;
			}
		}
		return true;
	}
}
