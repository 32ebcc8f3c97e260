package app.mosaic.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The web app, served by the gateway, in Debian's Chromium (playwright-core, system-tests/playwright/journey.mjs):
 * two people sign up in two browser contexts; one finds and follows the other, who posts a photo with a filter;
 * the first sees it in the feed, likes and comments; the author's notifications arrive live; a direct message
 * request is answered and arrives live. Then the session cookie, dark mode, sign out and in (journey.mjs). The
 * other screens are crossed by screens.mjs. Screenshots of the main screens land in system-tests/target/screenshots.
 */
class WebAppIT {

	@Test
	void twoPeopleFollowPostLikeCommentAndMessageEachOtherLiveInTheBrowser() throws Exception {
		String journey = browser("journey.mjs");
		assertThat(journey).contains("journey passed");
		assertThat(SHOTS.resolve("feed-phone-light.png")).exists();
		assertThat(SHOTS.resolve("messages-phone-light.png")).exists();
	}

	/** Profile editing, a private account's request, a carousel at a place, search, collections, sharing, settings, blocking. */
	@Test
	void theOtherScreensWorkAsAPersonClicksThem() throws Exception {
		String screens = browser("screens.mjs");
		assertThat(screens).contains("screens passed");
		assertThat(SHOTS.resolve("settings-desktop-light.png")).exists();
	}

	private static final Path SHOTS = NodePackage.root().resolve("system-tests/target/screenshots");

	private static String browser(String script) throws Exception {
		Platform.gateway();
		NodePackage playwright = NodePackage.install("playwright", "node_modules/playwright-core/package.json", "browser.mjs", "journey.mjs", "screens.mjs");
		Files.createDirectories(SHOTS);
		return playwright.run(script.replace(".mjs", ".out"), 420, "node", script, Platform.GATEWAY, SHOTS.toString());
	}
}
