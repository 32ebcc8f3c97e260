package app.mosaic.auth.account;

import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.mosaic.auth.keycloak.KeycloakAccounts;
import app.mosaic.auth.keycloak.KeycloakAccounts.Creation;
import app.mosaic.auth.keycloak.KeycloakTokens;
import app.mosaic.auth.keycloak.Tokens;
import app.mosaic.platform.events.DomainEvents;
import app.mosaic.platform.web.ApiProblem;

/**
 * Account life cycle over Keycloak. Each change to an account in Keycloak and the event that reports it
 * either both happen or neither does: the event is written to the outbox in a transaction that commits only
 * once Keycloak has done its part, and a Keycloak user whose event could not be stored is removed again.
 */
@Service
public class AccountManagement {

	private static final Logger log = LoggerFactory.getLogger(AccountManagement.class);

	private final KeycloakAccounts accounts;
	private final KeycloakTokens tokens;
	private final DomainEvents events;
	private final TransactionTemplate transactions;
	private final AsyncTaskExecutor background;
	private final Clock clock;

	AccountManagement(KeycloakAccounts accounts, KeycloakTokens tokens, DomainEvents events,
			TransactionTemplate transactions, @Qualifier("applicationTaskExecutor") AsyncTaskExecutor background, Clock clock) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.events = events;
		this.transactions = transactions;
		this.background = background;
		this.clock = clock;
	}

	public UUID register(String username, String email, String password, String fullName) {
		Creation creation = accounts.create(username, email, password, fullName);
		if (creation instanceof Creation.Taken taken) {
			throw ApiProblem.conflict("That " + taken.field() + " is already taken.");
		}
		if (creation instanceof Creation.Refused refused) {
			throw ApiProblem.badRequest(refused.reason());
		}
		UUID userId = ((Creation.Created) creation).userId();
		try {
			transactions.executeWithoutResult(status -> events.publish(userId.toString(),
					new IdentityEvents.UserRegistered(userId, username, email, fullName, clock.instant())));
		}
		catch (RuntimeException e) {
			accounts.delete(userId); // no account without its UserRegistered
			throw e;
		}
		background.execute(() -> accounts.sendVerificationEmail(userId));
		return userId;
	}

	/** @throws ApiProblem 401 when the login or password (or TOTP code) is wrong */
	public Tokens signIn(String login, String password, String otp) {
		Tokens issued = tokens.passwordGrant(login, password, otp);
		if (issued == null) {
			throw ApiProblem.unauthorized("Wrong login or password.");
		}
		return issued;
	}

	public Tokens refresh(String refreshToken) {
		Tokens issued = tokens.refresh(refreshToken);
		if (issued == null) {
			throw ApiProblem.unauthorized("The refresh token is expired or revoked. Sign in again.");
		}
		return issued;
	}

	public void logout(String refreshToken) {
		tokens.logout(refreshToken);
	}

	/** Always succeeds from the caller's view, so nobody can learn which addresses have accounts. */
	public void forgotPassword(String email) {
		background.execute(() -> {
			try {
				accounts.findByEmail(email).ifPresent(user -> accounts.sendPasswordResetEmail(UUID.fromString(user.getId())));
			}
			catch (RuntimeException e) {
				log.warn("Password reset e-mail not sent: {}", e.getMessage());
			}
		});
	}

	public void changePassword(UUID userId, String username, String currentPassword, String newPassword) {
		confirmPassword(username, currentPassword);
		accounts.setPassword(userId, newPassword);
	}

	/** Removes the account in Keycloak and publishes UserDeleted, atomically; other services then erase their data. */
	public void delete(UUID userId, String username, String password) {
		confirmPassword(username, password);
		transactions.executeWithoutResult(status -> {
			events.publish(userId.toString(), new IdentityEvents.UserDeleted(userId, username, clock.instant()));
			accounts.delete(userId); // a failure here rolls the event back
		});
	}

	private void confirmPassword(String username, String password) {
		Tokens check = tokens.passwordGrant(username, password, null);
		if (check == null) {
			throw ApiProblem.forbidden("The password is wrong.");
		}
		tokens.logout(check.refreshToken()); // the check must not leave a session behind
	}
}
