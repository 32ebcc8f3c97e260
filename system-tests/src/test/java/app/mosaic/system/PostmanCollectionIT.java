package app.mosaic.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Postman collection in docs/postman, run by newman against the platform through the gateway: what a
 * frontend developer imports into Postman works, and keeps working as the API changes.
 */
class PostmanCollectionIT {

	private static final Path ROOT = Path.of(System.getProperty("mosaic.root", "..")).toAbsolutePath().normalize();
	private static final Path POSTMAN = ROOT.resolve("docs/postman");
	private static final Path RUNNER = ROOT.resolve("system-tests/target/newman");

	@Test
	void theCollectionRunsGreenAgainstThePlatform() throws Exception {
		Platform.gateway();
		installNewman();
		Path report = RUNNER.resolve("report.json");
		Files.deleteIfExists(report);
		Path log = RUNNER.resolve("newman.out");
		run(log, 600, "node", RUNNER.resolve("node_modules/newman/bin/newman.js").toString(), "run",
				POSTMAN.resolve("mosaic.postman_collection.json").toString(),
				"--environment", POSTMAN.resolve("local.postman_environment.json").toString(),
				"--env-var", "baseUrl=" + Platform.GATEWAY,
				"--working-dir", POSTMAN.toString(),
				"--reporters", "cli,json", "--reporter-json-export", report.toString(),
				"--color", "off", "--disable-unicode");

		JsonNode stats = JsonMapper.builder().build().readTree(report.toFile()).path("run").path("stats");
		assertThat(stats.path("requests").path("total").asInt()).as("requests run").isGreaterThanOrEqualTo(58);
		assertThat(stats.path("assertions").path("total").asInt()).as("assertions run").isGreaterThanOrEqualTo(100);
		assertThat(stats.path("assertions").path("failed").asInt()).as(Files.readString(log)).isZero();
		assertThat(stats.path("requests").path("failed").asInt()).as(Files.readString(log)).isZero();
	}

	/** newman at the version system-tests/newman pins, installed into the build's own directory. */
	private static void installNewman() throws IOException, InterruptedException {
		Files.createDirectories(RUNNER);
		for (String file : List.of("package.json", "package-lock.json")) {
			Files.copy(ROOT.resolve("system-tests/newman").resolve(file), RUNNER.resolve(file), StandardCopyOption.REPLACE_EXISTING);
		}
		if (!Files.exists(RUNNER.resolve("node_modules/newman/bin/newman.js"))) {
			run(RUNNER.resolve("npm-ci.out"), 600, "npm", "ci", "--no-audit", "--no-fund", "--prefix", RUNNER.toString());
		}
	}

	private static void run(Path log, int timeoutSeconds, String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).directory(RUNNER.toFile()).redirectErrorStream(true)
			.redirectOutput(log.toFile()).start();
		if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError(String.join(" ", command) + " timed out:\n" + Files.readString(log));
		}
		assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + Files.readString(log)).isZero();
	}
}
