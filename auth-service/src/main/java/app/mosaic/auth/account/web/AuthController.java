package app.mosaic.auth.account.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.mosaic.auth.account.AccountManagement;
import app.mosaic.auth.keycloak.Tokens;
import app.mosaic.platform.security.Caller;

/** The Auth table of API.md: register, tokens, logout, passwords, account deletion. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

	private final AccountManagement accounts;

	AuthController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@PostMapping("/register")
	@ResponseStatus(HttpStatus.CREATED)
	RegisteredView register(@Valid @RequestBody RegisterRequest request) {
		String email = request.email().trim().toLowerCase();
		UUID id = accounts.register(request.username(), email, request.password(), request.fullName());
		return new RegisteredView(id, request.username(), email);
	}

	@PostMapping("/token")
	TokenView token(@Valid @RequestBody TokenRequest request,
			@Parameter(description = "\"cookie\" for a browser session: the refresh token comes as an httpOnly cookie, not in the answer")
			@RequestHeader(name = BrowserSession.HEADER, required = false) String session, HttpServletRequest http,
			HttpServletResponse response) {
		boolean browser = BrowserSession.wanted(session); // a bad header is refused before any sign-in is tried
		Tokens tokens = accounts.signIn(request.login().trim().toLowerCase(), request.password(), request.otp());
		return browser ? BrowserSession.keep(tokens, http, response) : TokenView.of(tokens);
	}

	/** With no refresh token in the body ({}), the browser session's cookie is the refresh token, and is renewed. */
	@PostMapping("/token/refresh")
	TokenView refresh(@Valid @RequestBody RefreshRequest request,
			@CookieValue(name = BrowserSession.COOKIE, required = false) String cookie, HttpServletRequest http,
			HttpServletResponse response) {
		if (request.refreshToken() != null) {
			return TokenView.of(accounts.refresh(request.refreshToken()));
		}
		return BrowserSession.keep(accounts.refresh(BrowserSession.required(cookie)), http, response);
	}

	@PostMapping("/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void logout(@Valid @RequestBody RefreshRequest request, // the gateway and the filter chain require a token
			@CookieValue(name = BrowserSession.COOKIE, required = false) String cookie, HttpServletRequest http,
			HttpServletResponse response) {
		if (request.refreshToken() != null) {
			accounts.logout(request.refreshToken());
			return;
		}
		accounts.logout(BrowserSession.required(cookie));
		BrowserSession.end(http, response);
	}

	@PostMapping("/password/forgot")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void forgotPassword(@Valid @RequestBody ForgotPasswordRequest request) {
		accounts.forgotPassword(request.email().trim().toLowerCase());
	}

	@PostMapping("/password/change")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void changePassword(Caller caller, @Valid @RequestBody ChangePasswordRequest request) {
		accounts.changePassword(caller.id(), caller.username(), request.currentPassword(), request.newPassword());
	}

	@DeleteMapping("/account")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void deleteAccount(Caller caller, @Valid @RequestBody DeleteAccountRequest request) {
		accounts.delete(caller.id(), caller.username(), request.password());
	}

	record RegisterRequest(
			// me, search and suggestions are paths under /users, so no profile may be named that; as on Instagram,
			// a name has a letter or digit, and dots neither start, end nor follow each other ("." and ".." are paths)
			@NotBlank @Pattern(regexp = "^(?!(me|search|suggestions)$)(?=.*[a-z0-9])(?!\\.)(?!.*\\.\\.)(?!.*\\.$)[a-z0-9._]{1,30}$",
					message = "must be 1 to 30 lower-case letters, digits, dots or underscores, with a letter or digit, "
							+ "no dot first, last or twice in a row, and not me, search or suggestions") String username,
			@NotBlank @Email @Size(max = 254) String email,
			@NotNull @Size(min = 8, max = 128, message = "must be 8 to 128 characters") String password,
			@Size(max = 64) String fullName) {
	}

	record TokenRequest(@NotBlank @Size(max = 254) String login, @NotBlank @Size(max = 128) String password,
			@Size(max = 12) String otp) {
	}

	/** {} when a browser session's cookie carries the refresh token. */
	record RefreshRequest(String refreshToken) {
	}

	record ForgotPasswordRequest(@NotBlank @Email String email) {
	}

	record ChangePasswordRequest(@NotBlank String currentPassword,
			@NotNull @Size(min = 8, max = 128, message = "must be 8 to 128 characters") String newPassword) {
	}

	record DeleteAccountRequest(@NotBlank String password) {
	}

	record RegisteredView(UUID userId, String username, String email) {
	}

	/** refreshToken is absent for a browser session, whose refresh token is an httpOnly cookie instead. */
	record TokenView(String accessToken, String refreshToken, long expiresIn, long refreshExpiresIn, String tokenType) {
		static TokenView of(Tokens tokens) {
			return new TokenView(tokens.accessToken(), tokens.refreshToken(), tokens.expiresIn(), tokens.refreshExpiresIn(),
					"Bearer");
		}

		TokenView withoutRefreshToken() {
			return new TokenView(accessToken, null, expiresIn, refreshExpiresIn, tokenType);
		}
	}
}
