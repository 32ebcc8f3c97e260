package app.mosaic.load;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A service's own client-credentials token, as feed-service holds one to call {@code /internal/**}: asked of
 * Keycloak with the service's client, renewed every four minutes (it lives five).
 */
final class ServiceToken {

	private final String tokenUrl;
	private final String form;
	private volatile String token;

	ServiceToken(String keycloak, String clientId, String secret) {
		this.tokenUrl = keycloak + "/realms/mosaic/protocol/openid-connect/token";
		this.form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
				+ "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
		renew();
		Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory())
			.scheduleWithFixedDelay(this::renewQuietly, 4, 4, TimeUnit.MINUTES);
	}

	String token() {
		return token;
	}

	private void renew() {
		token = Api.field(Api.postForm(tokenUrl, form, 200), "access_token");
	}

	private void renewQuietly() {
		try {
			renew();
		}
		catch (RuntimeException e) { // tried again at the next renewal
			System.err.println("renewing the service token failed: " + e.getMessage());
		}
	}
}
