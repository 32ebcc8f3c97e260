package app.mosaic.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** How -Dmosaic.infra chooses the servers tests run against, and where the container images come from. */
class TestInfrastructureTests {

	@Test
	void theEmbeddedServersAreTheDefault() {
		assertThat(TestInfrastructure.select(null, () -> true)).isSameAs(EmbeddedInfrastructure.INSTANCE);
		assertThat(TestInfrastructure.select(" ", () -> true)).isSameAs(EmbeddedInfrastructure.INSTANCE);
		assertThat(TestInfrastructure.select("embedded", () -> false)).isSameAs(EmbeddedInfrastructure.INSTANCE);
		// this build runs without mosaic.infra: what CI exercises is the embedded path
		assertThat(TestInfrastructure.current()).isSameAs(EmbeddedInfrastructure.INSTANCE);
	}

	@Test
	void containersAreChosenByNameAndOnlyWhereDockerRuns() {
		assertThat(TestInfrastructure.select("containers", () -> true)).isSameAs(ContainerInfrastructure.INSTANCE);
		assertThatThrownBy(() -> TestInfrastructure.select("containers", () -> false)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("needs a Docker engine");
		assertThatThrownBy(() -> TestInfrastructure.select("docker", () -> true)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("embedded (the default), containers");
	}

	@Test
	void theContainersRunTheImagesOfDockerCompose() {
		Path compose = ApiContracts.contractsDirectory().resolveSibling("docker-compose.yml");
		assertThat(ContainerInfrastructure.composeImage(compose, "postgres")).startsWith("postgres:17");
		assertThat(ContainerInfrastructure.composeImage(compose, "kafka")).startsWith("apache/kafka:");
		assertThat(ContainerInfrastructure.composeImage(compose, "minio")).startsWith("minio/minio:");
		assertThatThrownBy(() -> ContainerInfrastructure.composeImage(compose, "nothing")).hasMessageContaining("has no image for nothing");
	}
}
