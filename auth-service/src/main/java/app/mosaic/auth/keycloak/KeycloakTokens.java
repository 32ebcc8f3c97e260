package app.mosaic.auth.keycloak;

import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Keycloak's OpenID Connect token endpoint: the password grant (with an optional TOTP code), refresh, and
 * logout, which ends the session so its refresh token no longer works.
 */
@Component
public class KeycloakTokens {

	private final KeycloakProperties keycloak;
	private final RestClient http;

	KeycloakTokens(KeycloakProperties keycloak, RestClient.Builder builder) {
		this.keycloak = keycloak;
		this.http = builder.build();
	}

	/** @return the tokens, or null when Keycloak refused the credentials */
	public Tokens passwordGrant(String login, String password, String otp) {
		MultiValueMap<String, String> form = client();
		form.add("grant_type", "password");
		form.add("username", login);
		form.add("password", password);
		form.add("scope", "openid");
		if (otp != null && !otp.isBlank()) {
			form.add("otp", otp);
		}
		return tokenRequest(form);
	}

	/** @return new tokens, or null when the refresh token is expired, revoked or not Keycloak's */
	public Tokens refresh(String refreshToken) {
		MultiValueMap<String, String> form = client();
		form.add("grant_type", "refresh_token");
		form.add("refresh_token", refreshToken);
		return tokenRequest(form);
	}

	/** Ends the session the refresh token belongs to; an unknown token is already logged out. */
	public void logout(String refreshToken) {
		MultiValueMap<String, String> form = client();
		form.add("refresh_token", refreshToken);
		try {
			http.post().uri(keycloak.logoutEndpoint()).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
				.retrieve()
				.onStatus(HttpStatusCode::is4xxClientError, (request, response) -> {
					// invalid or already ended session: nothing left to revoke
				})
				.onStatus(HttpStatusCode::is5xxServerError, (request, response) -> {
					throw new KeycloakUnavailableException("Keycloak logout failed: " + response.getStatusCode(), null);
				})
				.toBodilessEntity();
		}
		catch (ResourceAccessException e) {
			throw new KeycloakUnavailableException("Keycloak is not reachable", e);
		}
	}

	@SuppressWarnings("unchecked")
	private Tokens tokenRequest(MultiValueMap<String, String> form) {
		try {
			Map<String, Object> body = http.post().uri(keycloak.tokenEndpoint())
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(form)
				.exchange((request, response) -> {
					if (response.getStatusCode().is4xxClientError()) {
						return null;
					}
					if (response.getStatusCode().isError()) {
						throw new KeycloakUnavailableException("Keycloak token endpoint failed: " + response.getStatusCode(), null);
					}
					return response.bodyTo(Map.class);
				});
			if (body == null) {
				return null;
			}
			return new Tokens((String) body.get("access_token"), (String) body.get("refresh_token"),
					((Number) body.get("expires_in")).longValue(), ((Number) body.get("refresh_expires_in")).longValue());
		}
		catch (ResourceAccessException e) {
			throw new KeycloakUnavailableException("Keycloak is not reachable", e);
		}
	}

	private MultiValueMap<String, String> client() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("client_id", keycloak.clientId());
		form.add("client_secret", keycloak.clientSecret());
		return form;
	}
}
