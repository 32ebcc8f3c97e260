package app.mosaic.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** docker-compose.yml against the Compose specification, and against what the code needs. */
class ComposeFileTests {

	private static final Map<String, Object> COMPOSE = Repository.yaml("docker-compose.yml");
	/** The services that may publish a port: the gateway, and the admin UIs on the loopback only. */
	private static final Set<String> ADMIN_UIS = Set.of("keycloak", "minio", "mail", "prometheus", "grafana");

	@Test
	void validatesAgainstTheComposeSpecification() throws IOException {
		Repository.Result valid = SchemaValidator.validate("compose", Repository.ROOT.resolve("docker-compose.yml"));
		assertThat(valid.exitCode()).as(valid.output()).isZero();

		// and the validator does refuse what the specification does not allow
		Path broken = Files.createDirectories(Repository.ROOT.resolve("deploy/checks/target")).resolve("broken-compose.yml");
		Files.writeString(broken, Repository.read("docker-compose.yml").replace("condition: service_healthy", "condition: healthy")
			.replace("    restart: unless-stopped", "    restarts: unless-stopped"));
		Repository.Result invalid = SchemaValidator.validate("compose", broken);
		assertThat(invalid.exitCode()).isEqualTo(1);
		assertThat(invalid.output()).contains("restarts").contains("condition");
	}

	@Test
	void everyServiceIsBuiltFromTheSharedDockerfileAndTaggedOnItsOwn() {
		for (String service : Repository.services()) {
			Object definition = services().get(service);
			assertThat(definition).as(service + " in docker-compose.yml").isNotNull();
			assertThat(Tree.text(definition, "build.context")).as(service).isEqualTo(".");
			assertThat(Tree.text(definition, "build.dockerfile")).as(service).isEqualTo("Dockerfile");
			assertThat(Tree.text(definition, "build.args.SERVICE")).as(service).isEqualTo(service);
			String version = service.replace('-', '_').toUpperCase() + "_VERSION";
			assertThat(Tree.text(definition, "image")).as(service).isEqualTo("${REGISTRY:-mosaic}/" + service + ":${" + version + ":-latest}");
		}
		assertThat(Repository.read("Dockerfile")).contains("ARG SERVICE").contains("-pl \"$SERVICE\" -am package");
	}

	@Test
	void everyServiceHasTheSettingsItsConfigurationNeeds() {
		List<String> problems = new ArrayList<>();
		for (String service : Repository.services()) {
			ServiceSettings settings = ServiceSettings.of(service);
			settings.problemsWith(environment(service)).forEach(p -> problems.add(service + ": " + p));
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyAddressIsAServiceOfThisFileAndEveryDatabaseIsCreated() {
		Map<String, Object> postgres = Tree.map(services().get("postgres"), "environment");
		Map<String, String> databases = new HashMap<>();
		for (String entry : String.valueOf(postgres.get("MOSAIC_DATABASES")).trim().split("\\s+")) {
			String[] parts = entry.split(":");
			databases.put(parts[0], parts[1]);
			assertThat(postgres).as("the password of " + parts[1]).containsKey(parts[2]);
		}
		String realm = Tree.text(Repository.yamlDocuments(Repository.read("platform/local-runner/src/main/keycloak/mosaic-realm.json")).get(0), "realm");
		for (String service : Repository.services()) {
			Map<String, String> env = environment(service);
			env.forEach((name, value) -> {
				Matcher call = Pattern.compile("([A-Z]+)_SERVICE(_WS)?_URL").matcher(name);
				if (call.matches()) {
					URI uri = URI.create(value);
					assertThat(uri.getHost()).as(service + " " + name).isEqualTo(call.group(1).toLowerCase() + "-service");
					assertThat(uri.getPort()).as(service + " " + name + ": the port every service listens on").isEqualTo(8080);
					assertThat(services()).as(service + " " + name).containsKey(uri.getHost());
				}
			});
			if (env.containsKey("DATABASE_URL")) {
				URI url = URI.create(env.get("DATABASE_URL").substring("jdbc:".length()));
				assertThat(url.getHost()).isEqualTo("postgres");
				assertThat(url.getPath()).as(service + ": its own database").isEqualTo("/" + service);
				assertThat(databases).as(service + ": created by init-databases.sh for its user").containsEntry(service, env.get("DATABASE_USER"));
			}
			if (env.containsKey("KAFKA_BOOTSTRAP_SERVERS")) {
				assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
			}
			if (env.containsKey("KEYCLOAK_ISSUER_URI")) {
				assertThat(env.get("KEYCLOAK_ISSUER_URI")).isEqualTo("http://keycloak:8080/realms/" + realm);
			}
			if (env.containsKey("S3_ENDPOINT")) {
				assertThat(URI.create(env.get("S3_ENDPOINT")).getHost()).isEqualTo("minio");
			}
		}
		// the secrets a service presents to Keycloak are the ones the realm is rendered with
		Map<String, Object> realmSecrets = Tree.map(services().get("keycloak-realm"), "environment");
		for (String service : Repository.services()) {
			Map<String, Object> raw = Tree.map(services().get(service), "environment");
			String variable = service.replace("-service", "").toUpperCase() + "_CLIENT_SECRET";
			for (String name : List.of("SERVICE_CLIENT_SECRET", "KEYCLOAK_CLIENT_SECRET")) {
				if (raw.containsKey(name)) {
					assertThat(raw.get(name)).as(service + " " + name + " and the realm's " + variable).isEqualTo(realmSecrets.get(variable));
				}
			}
		}
	}

	@Test
	void onlyTheGatewayAndTheAdminInterfacesPublishPortsAndNoTwoTheSame() {
		Set<String> published = new TreeSet<>();
		services().forEach((name, definition) -> {
			for (Object port : Tree.list(definition, "ports")) {
				String mapping = String.valueOf(port);
				if (name.equals("gateway-service")) {
					assertThat(mapping).endsWith(":8080");
				}
				else {
					assertThat(ADMIN_UIS).as(name + " publishes " + mapping).contains(name);
					assertThat(mapping).as(name + ": an admin interface is for this machine only").startsWith("127.0.0.1:");
				}
				String host = mapping.substring(0, mapping.lastIndexOf(':'));
				assertThat(published.add(host)).as(name + " publishes " + host + " a second time").isTrue();
			}
		});
		assertThat(published).hasSizeGreaterThan(1);
	}

	@Test
	void everythingStartsAfterWhatItNeedsIsHealthy() {
		for (String service : Repository.services()) {
			Map<String, Object> dependsOn = Tree.map(services().get(service), "depends_on");
			assertThat(dependsOn).as(service).containsKey("keycloak");
			dependsOn.forEach((dependency, condition) -> {
				String expected = Tree.at(services().get(dependency), "healthcheck") != null || Repository.services().contains(dependency)
						? "service_healthy" : "service_completed_successfully";
				assertThat(Tree.text(condition, "condition")).as(service + " on " + dependency).isEqualTo(expected);
			});
			if (!service.equals("gateway-service")) {
				assertThat(dependsOn).as(service).containsKeys("postgres", "kafka");
			}
		}
		assertThat(Tree.map(services().get("gateway-service"), "depends_on")).containsKeys(Repository.services().stream()
			.filter(s -> !s.equals("gateway-service")).toArray(String[]::new));
	}

	@Test
	void theInfrastructureRunsTheVersionsTheBuildIsTestedWith() {
		assertThat(image("keycloak")).isEqualTo("quay.io/keycloak/keycloak:" + System.getProperty("mosaic.version.keycloak"));
		assertThat(image("kafka")).isEqualTo("apache/kafka:" + System.getProperty("mosaic.version.kafka"));
		String postgres = System.getProperty("mosaic.version.postgres");
		assertThat(image("postgres")).isEqualTo("postgres:" + postgres.substring(0, postgres.lastIndexOf('.')));
	}

	private static String image(String service) {
		return Tree.text(services().get(service), "image");
	}

	static Map<String, Object> services() {
		return Tree.map(COMPOSE, "services");
	}

	/** A service's environment as compose gives it, each ${VAR:-default} read as its default. */
	static Map<String, String> environment(String service) {
		Map<String, String> env = new LinkedHashMap<>();
		Tree.map(services().get(service), "environment").forEach((name, value) ->
			env.put(name, value == null ? "" : String.valueOf(value).replaceAll("\\$\\{[A-Z0-9_]+:-([^}]*)}", "$1")));
		return env;
	}
}
