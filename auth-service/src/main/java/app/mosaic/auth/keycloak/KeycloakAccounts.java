package app.mosaic.auth.keycloak;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Users in Keycloak, through its admin client signed in as auth-service's service account. Keycloak owns
 * credentials, sessions, brute-force detection, TOTP and the e-mails; Mosaic never stores a password.
 */
@Component
public class KeycloakAccounts implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(KeycloakAccounts.class);

	private final Keycloak admin;
	private final String realm;

	KeycloakAccounts(KeycloakProperties properties) {
		this.realm = properties.realm();
		this.admin = KeycloakBuilder.builder()
			.serverUrl(properties.serverUrl())
			.realm(properties.realm())
			.grantType("client_credentials")
			.clientId(properties.clientId())
			.clientSecret(properties.clientSecret())
			.build();
	}

	/** The outcome of creating a user: its id, or which unique field was already taken. */
	public sealed interface Creation {
		record Created(UUID userId) implements Creation {
		}

		record Taken(String field) implements Creation {
		}

		/** Keycloak refused the values themselves (its own rules, such as the password policy). */
		record Refused(String reason) implements Creation {
		}
	}

	public Creation create(String username, String email, String password, String fullName) {
		UserRepresentation user = new UserRepresentation();
		user.setUsername(username);
		user.setEmail(email);
		user.setEnabled(true);
		user.setEmailVerified(false);
		int space = fullName == null ? -1 : fullName.trim().indexOf(' ');
		if (fullName != null && !fullName.isBlank()) {
			user.setFirstName(space < 0 ? fullName.trim() : fullName.trim().substring(0, space));
			user.setLastName(space < 0 ? null : fullName.trim().substring(space + 1));
		}
		user.setCredentials(List.of(password(password)));
		return call(() -> {
			try (Response response = realm().users().create(user)) {
				if (response.getStatus() == 409) {
					String message = response.readEntity(String.class);
					return new Creation.Taken(message != null && message.contains("email") ? "email" : "username");
				}
				if (response.getStatus() == 400) {
					// the input, not Keycloak's health: never a 503 a client would retry
					return new Creation.Refused(refusal(response.readEntity(String.class)));
				}
				if (response.getStatus() >= 400) {
					throw new KeycloakUnavailableException("Keycloak refused to create a user: " + response.getStatus(), null);
				}
				// the realm's default roles give every new user the "user" role
				return new Creation.Created(UUID.fromString(CreatedResponseUtil.getCreatedId(response)));
			}
		});
	}

	/** Keycloak's reason in words a client may see: its error key only, never the values sent. */
	private static String refusal(String body) {
		if (body != null && body.contains("invalidPassword")) {
			return "The password does not meet the password policy.";
		}
		return "This username, e-mail or name cannot be used.";
	}

	/** Sends the address-verification mail; the account works before it is verified, as Instagram's does. */
	public void sendVerificationEmail(UUID userId) {
		try {
			call(() -> {
				realm().users().get(userId.toString()).sendVerifyEmail();
				return null;
			});
		}
		catch (RuntimeException e) {
			log.warn("Verification e-mail for {} not sent: {}", userId, e.getMessage());
		}
	}

	public Optional<UserRepresentation> findByEmail(String email) {
		return call(() -> realm().users().searchByEmail(email, true).stream().findFirst());
	}

	/** Keycloak e-mails a link that lets the user choose a new password. */
	public void sendPasswordResetEmail(UUID userId) {
		call(() -> {
			realm().users().get(userId.toString()).executeActionsEmail(List.of("UPDATE_PASSWORD"));
			return null;
		});
	}

	public void setPassword(UUID userId, String newPassword) {
		call(() -> {
			realm().users().get(userId.toString()).resetPassword(password(newPassword));
			return null;
		});
	}

	/** Removes the user and so every session of theirs; an already removed user is fine. */
	public void delete(UUID userId) {
		call(() -> {
			try (Response response = realm().users().delete(userId.toString())) {
				if (response.getStatus() >= 400 && response.getStatus() != 404) {
					throw new KeycloakUnavailableException("Keycloak refused to delete a user: " + response.getStatus(), null);
				}
				return null;
			}
		});
	}

	private RealmResource realm() {
		return admin.realm(realm);
	}

	private static CredentialRepresentation password(String value) {
		CredentialRepresentation credential = new CredentialRepresentation();
		credential.setType(CredentialRepresentation.PASSWORD);
		credential.setValue(value);
		credential.setTemporary(false);
		return credential;
	}

	private static <T> T call(java.util.function.Supplier<T> action) {
		try {
			return action.get();
		}
		catch (ProcessingException e) {
			throw new KeycloakUnavailableException("Keycloak is not reachable", e);
		}
		catch (WebApplicationException e) {
			throw new KeycloakUnavailableException("Keycloak answered " + e.getResponse().getStatus(), e);
		}
	}

	@Override
	public void destroy() {
		admin.close();
	}
}
