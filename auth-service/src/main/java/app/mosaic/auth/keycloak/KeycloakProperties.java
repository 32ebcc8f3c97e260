package app.mosaic.auth.keycloak;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Keycloak is and how auth-service signs in to it: a confidential client whose service account may
 * manage the realm's users, and whose direct grant issues users' tokens.
 */
@ConfigurationProperties(prefix = "mosaic.keycloak")
public record KeycloakProperties(String serverUrl, String realm, String clientId, String clientSecret) {

	public String realmUrl() {
		return serverUrl + "/realms/" + realm;
	}

	public String tokenEndpoint() {
		return realmUrl() + "/protocol/openid-connect/token";
	}

	public String logoutEndpoint() {
		return realmUrl() + "/protocol/openid-connect/logout";
	}
}
