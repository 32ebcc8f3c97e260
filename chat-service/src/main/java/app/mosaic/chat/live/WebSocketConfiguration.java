package app.mosaic.chat.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.tomcat.websocket.server.WsSci;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.util.UriComponentsBuilder;

import app.mosaic.platform.security.HeaderBearerTokenResolver;
import app.mosaic.platform.web.Problems;

/**
 * {@code /ws/chat}. The token comes as {@code Authorization: Bearer}, as {@code ?access_token=} or, for browsers,
 * as the subprotocols {@code bearer, <token>} (the server answers {@code bearer}). The handshake itself never
 * refuses: the socket opens and closes at once with {@value ChatSockets#UNAUTHORIZED} when the token is missing or
 * invalid, a code browsers can read (a refused handshake reaches their scripts as a bare 1006). Nothing logs the
 * token.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebSocketConfiguration implements WebSocketConfigurer {

	static final String PATH = "/ws/chat";
	static final String SUBPROTOCOL = "bearer";

	private final ChatSockets sockets;

	WebSocketConfiguration(ChatSockets sockets) {
		this.sockets = sockets;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		DefaultHandshakeHandler handshake = new ProblemHandshakeHandler();
		handshake.setSupportedProtocols(SUBPROTOCOL);
		// tokens, never cookies, authenticate a socket: another site's page cannot ride on a user's session
		registry.addHandler(sockets, PATH).setHandshakeHandler(handshake).addInterceptors(new TokenFinder()).setAllowedOriginPatterns("*");
	}

	/** Boot's WebSocket module is not used (see the pom): Tomcat's container is started here instead. */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> webSocketContainer() {
		return factory -> factory.addContextCustomizers(context -> context.addServletContainerInitializer(new WsSci(), null));
	}

	/** The socket authenticates itself; the resource server must not refuse its handshake first. */
	@Bean
	BearerTokenResolver bearerTokenResolver() {
		HeaderBearerTokenResolver header = new HeaderBearerTokenResolver();
		return request -> PATH.equals(request.getRequestURI()) ? null : header.resolve(request);
	}

	/** A request that is no WebSocket handshake is answered problem+json, as every other mistake is. */
	private static final class ProblemHandshakeHandler extends DefaultHandshakeHandler {

		@Override
		protected void handleInvalidUpgradeHeader(ServerHttpRequest request, ServerHttpResponse response) throws IOException {
			refuse(response, HttpStatus.BAD_REQUEST, "This is a WebSocket endpoint: connect with Upgrade: websocket.");
		}

		@Override
		protected void handleInvalidConnectHeader(ServerHttpRequest request, ServerHttpResponse response) throws IOException {
			refuse(response, HttpStatus.BAD_REQUEST, "This is a WebSocket endpoint: connect with Connection: Upgrade.");
		}

		@Override
		protected void handleWebSocketVersionNotSupported(ServerHttpRequest request, ServerHttpResponse response) {
			response.getHeaders().set("Sec-WebSocket-Version", "13");
			try {
				refuse(response, HttpStatus.UPGRADE_REQUIRED, "Only WebSocket version 13 is supported.");
			}
			catch (IOException e) {
				// the client went away
			}
		}

		private static void refuse(ServerHttpResponse response, HttpStatus status, String detail) throws IOException {
			response.setStatusCode(status);
			response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
			response.getBody().write(Problems.json(Problems.of(status, status.getReasonPhrase(), detail)).getBytes(StandardCharsets.UTF_8));
		}
	}

	private static final class TokenFinder implements HandshakeInterceptor {

		@Override
		public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
				Map<String, Object> attributes) {
			String token = token(request);
			if (token != null) {
				attributes.put(ChatSockets.TOKEN, token);
			}
			return true;
		}

		@Override
		public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception e) {
		}

		private static String token(ServerHttpRequest request) {
			String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
			if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
				return authorization.substring(7).strip();
			}
			String query = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().getFirst("access_token");
			if (query != null) {
				return query;
			}
			List<String> protocols = request.getHeaders().getOrEmpty("Sec-WebSocket-Protocol").stream()
				.flatMap(h -> java.util.Arrays.stream(h.split(","))).map(String::strip).toList();
			int bearer = protocols.indexOf(SUBPROTOCOL);
			return bearer >= 0 && bearer + 1 < protocols.size() ? protocols.get(bearer + 1) : null;
		}
	}
}
