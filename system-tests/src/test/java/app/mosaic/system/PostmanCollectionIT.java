package app.mosaic.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

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

	@Test
	void theCollectionRunsGreenAgainstThePlatform() throws Exception {
		Platform.gateway();
		NodePackage newman = NodePackage.install("newman", "node_modules/newman/bin/newman.js");
		Path report = newman.home().resolve("report.json");
		Files.deleteIfExists(report);
		Path log = newman.home().resolve("newman.out");
		newman.run("newman.out", 600, "node", newman.home().resolve("node_modules/newman/bin/newman.js").toString(), "run",
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
}
