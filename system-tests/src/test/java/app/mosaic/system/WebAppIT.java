package app.mosaic.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The web app, served by the gateway, in Debian's Chromium (playwright-core, system-tests/playwright/journey.mjs):
 * a new person signs up, follows someone, sees and likes their photo, stays signed in across reloads on the
 * session cookie, switches to dark mode and signs out. Screenshots land in system-tests/target/screenshots.
 */
class WebAppIT {

	private static final Path ROOT = Path.of(System.getProperty("mosaic.root", "..")).toAbsolutePath().normalize();
	private static final Path RUNNER = ROOT.resolve("system-tests/target/playwright");

	@Test
	void aNewPersonSignsUpFollowsLikesAPhotoAndKeepsTheSessionAcrossReloads() throws Exception {
		Platform.gateway();
		Person author = Person.random();
		String post = Person.post(author.signUp(), "Morning light over the river #lisbon");
		install();
		Path shots = Files.createDirectories(ROOT.resolve("system-tests/target/screenshots"));
		Path log = RUNNER.resolve("journey.out");
		run(log, 300, "node", RUNNER.resolve("journey.mjs").toString(), Platform.GATEWAY, author.username(), post, shots.toString());
		assertThat(Files.readString(log)).contains("journey passed");
		assertThat(shots.resolve("feed-phone-light.png")).exists();
	}

	/** playwright-core at the version system-tests/playwright pins, in the build's own directory (no browser download). */
	private static void install() throws IOException, InterruptedException {
		Files.createDirectories(RUNNER);
		for (String file : List.of("package.json", "package-lock.json", "journey.mjs")) {
			Files.copy(ROOT.resolve("system-tests/playwright").resolve(file), RUNNER.resolve(file), StandardCopyOption.REPLACE_EXISTING);
		}
		if (!Files.exists(RUNNER.resolve("node_modules/playwright-core/package.json"))) {
			run(RUNNER.resolve("npm-ci.out"), 600, "npm", "ci", "--no-audit", "--no-fund");
		}
	}

	private static void run(Path log, int timeoutSeconds, String... command) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).directory(RUNNER.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
		Process process = builder.start();
		if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError(String.join(" ", command) + " timed out:\n" + Files.readString(log));
		}
		assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + Files.readString(log)).isZero();
	}
}
