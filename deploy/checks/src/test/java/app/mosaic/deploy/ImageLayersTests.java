package app.mosaic.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * What the shared Dockerfile does with a service's jar, done here to every service's jar of this build (no
 * Docker engine is needed): the layers it copies exist and hold the launcher its entry point starts.
 */
class ImageLayersTests {

	private static final String DOCKERFILE = Repository.read("Dockerfile");

	@Test
	void everyServiceJarExtractsIntoTheLayersTheDockerfileCopies() {
		List<String> layers = new ArrayList<>();
		Matcher copy = Pattern.compile("COPY --from=build /layers/([a-z-]+)/ \\./").matcher(DOCKERFILE);
		while (copy.find()) {
			layers.add(copy.group(1));
		}
		assertThat(layers).containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		for (String service : Repository.services()) {
			Path jar = Repository.ROOT.resolve(service).resolve("target").resolve(service + ".jar");
			assertThat(jar).as(service + "'s jar: build it first (./mvnw package -pl " + service + " -am)").exists();
			Path layered = Repository.ROOT.resolve("deploy/checks/target/layers").resolve(service);
			Repository.runOk(Repository.ROOT, 120, java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--layers",
					"--launcher", "--force", "--destination", layered.toString());
			for (String layer : layers) {
				assertThat(layered.resolve(layer)).as(service + " " + layer).isDirectory();
			}
			assertThat(layered.resolve("spring-boot-loader/org/springframework/boot/loader/launch/JarLauncher.class")).exists();
			assertThat(layered.resolve("application/BOOT-INF/classes/application.yml")).as(service).exists();
			assertThat(Files.exists(layered.resolve("dependencies/BOOT-INF/lib"))).as(service).isTrue();
		}
	}

	@Test
	void theImageRunsAsAnUnprivilegedUserWithAHealthCheckAndContainerAwareMemory() {
		assertThat(DOCKERFILE).containsPattern("(?m)^USER 10001:10001$")
			.containsPattern("(?m)^HEALTHCHECK .*")
			.contains("/actuator/health/readiness")
			.contains("-XX:MaxRAMPercentage=")
			.contains("ENTRYPOINT [\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]")
			.containsPattern("(?m)^FROM eclipse-temurin:\\$\\{JAVA_VERSION}-jdk AS build$")
			.containsPattern("(?m)^FROM eclipse-temurin:\\$\\{JAVA_VERSION}-jre$");
		assertThat(Repository.read(".dockerignore")).contains("**/target/").contains(".mosaic/");
	}
}
