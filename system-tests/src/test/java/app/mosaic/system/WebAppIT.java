package app.mosaic.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The web app, served by the gateway, in Debian's Chromium (playwright-core, system-tests/playwright/journey.mjs):
 * a new person signs up, follows someone, sees and likes their photo, stays signed in across reloads on the
 * session cookie, switches to dark mode and signs out. Screenshots land in system-tests/target/screenshots.
 */
class WebAppIT {

	@Test
	void aNewPersonSignsUpFollowsLikesAPhotoAndKeepsTheSessionAcrossReloads() throws Exception {
		Platform.gateway();
		Person author = Person.random();
		String post = Person.post(author.signUp(), "Morning light over the river #lisbon");
		NodePackage playwright = NodePackage.install("playwright", "node_modules/playwright-core/package.json", "journey.mjs");
		Path shots = Files.createDirectories(NodePackage.root().resolve("system-tests/target/screenshots"));
		String journey = playwright.run("journey.out", 300, "node", "journey.mjs", Platform.GATEWAY, author.username(), post, shots.toString());
		assertThat(journey).contains("journey passed");
		assertThat(shots.resolve("feed-phone-light.png")).exists();
	}
}
