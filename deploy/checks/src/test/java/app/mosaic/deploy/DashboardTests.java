package app.mosaic.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grafana dashboard (one file, provisioned by docker-compose.yml and a ConfigMap in k8s/) draws what operators
 * need, from meters that exist: Micrometer's own, or the ones a service registers under that name.
 */
class DashboardTests {

	private static final String FILE = "k8s/base/monitoring/mosaic-dashboard.json";
	/** Meters Spring Boot and Micrometer bind in every service (checked against a running service's /actuator/prometheus). */
	private static final List<String> LIBRARY = List.of("http_server_requests_seconds", "jvm_", "hikaricp_", "kafka_consumer_");

	@Test
	void itDrawsRequestRateAndP99PerRouteFanOutLagConsumerLagAndMemory() {
		String queries = String.join("\n", queries());
		assertThat(queries).contains("rate(http_server_requests_seconds_count").contains("by (application, method, uri)")
			.contains("histogram_quantile(0.99, sum by (le, application, method, uri) (rate(http_server_requests_seconds_bucket")
			.contains("feed_fanout_lag_seconds_bucket").contains("kafka_consumer_fetch_manager_records_lag_max")
			.contains("jvm_memory_used_bytes");
	}

	@Test
	void everyMeterItQueriesExists() throws IOException {
		StringBuilder code = new StringBuilder();
		for (Path source : Repository.mainSources()) {
			code.append(Files.readString(source));
		}
		Set<String> missing = new TreeSet<>();
		// the names in "by (...)" are labels; what stands before a selector or a closing bracket is a meter
		String expressions = String.join("\n", queries()).replaceAll("by \\([^)]*\\)", "");
		Matcher metric = Pattern.compile("([a-z][a-z0-9_]+)(?=\\{|\\))").matcher(expressions);
		while (metric.find()) {
			String name = metric.group(1);
			if (LIBRARY.stream().anyMatch(name::startsWith)) {
				continue;
			}
			String meter = name.replaceAll("_(seconds_bucket|seconds_count|seconds|total)$", "").replace('_', '.');
			if (!code.toString().contains("\"" + meter + "\"")) {
				missing.add(name + " (no service registers " + meter + ")");
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void composeAndKubernetesProvisionTheSameFile() {
		assertThat(Repository.read("docker-compose.yml")).contains("./" + FILE + ":/var/lib/grafana/dashboards/mosaic.json:ro");
		assertThat(Repository.read("deploy/monitoring/grafana/provisioning/dashboards/mosaic.yml")).contains("path: /var/lib/grafana/dashboards");
		assertThat(Repository.read("k8s/base/kustomization.yaml")).contains("files: [monitoring/mosaic-dashboard.json]");
		assertThat(Repository.read("deploy/monitoring/grafana/provisioning/datasources/prometheus.yml")).contains("uid: prometheus");
	}

	private static List<String> queries() {
		JsonNode dashboard = JsonMapper.builder().build().readTree(Repository.read(FILE));
		List<String> queries = new ArrayList<>();
		dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(t -> queries.add(t.path("expr").asString())));
		assertThat(queries).hasSizeGreaterThanOrEqualTo(8);
		return queries;
	}
}
