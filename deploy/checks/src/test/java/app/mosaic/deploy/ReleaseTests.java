package app.mosaic.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** deploy/release, dry: what releasing one service does, and that it touches nothing of the others. */
class ReleaseTests {

	@Test
	void releasingOneServiceTestsBuildsAndTagsOnlyIt() {
		for (String service : Repository.services()) {
			String version = Repository.releaseVersion(service);
			String steps = Repository.runOk(Repository.ROOT, 60, "deploy/release", service, "--dry-run");
			assertThat(steps).as(service)
				.contains("./mvnw -B -ntp verify -pl " + service + " -am")
				.contains("docker build --build-arg SERVICE=" + service + " --build-arg VERSION=" + version + " -t mosaic/" + service + ":" + version + " .")
				.contains("set mosaic/" + service + " newTag: " + version + " in k8s/base/kustomization.yaml");
			Repository.services().stream().filter(other -> !other.equals(service))
				.forEach(other -> assertThat(steps).as(service + " leaves " + other + " alone").doesNotContain("mosaic/" + other + ":"));
			if (!service.equals("gateway-service")) {
				assertThat(steps).as(service + ": its API becomes the baseline").contains("-Dmosaic.contracts.update=true");
			}
		}
	}

	@Test
	void refusesWhatIsNoService() {
		Repository.Result result = Repository.run(Repository.ROOT, 60, "deploy/release", "platform", "--dry-run");
		assertThat(result.exitCode()).isNotZero();
		assertThat(result.output()).contains("usage: deploy/release <name>-service");
	}
}
