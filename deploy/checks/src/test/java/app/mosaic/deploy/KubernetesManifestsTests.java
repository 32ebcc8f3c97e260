package app.mosaic.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every overlay of k8s/ rendered with kubectl kustomize, each object validated against its schema, and the
 * rules a deployment of Mosaic keeps: probes, resources and a locked-down security context on every pod; a
 * Service, disruption budget and autoscaler for every service; the environment each service's configuration
 * needs; network policies that let in exactly the callers the code has; a KafkaTopic for every topic.
 */
class KubernetesManifestsTests {

	private static final Map<String, String> RENDERED = new ConcurrentHashMap<>();
	private static final Map<String, List<Map<String, Object>>> PARSED = new ConcurrentHashMap<>();

	@ParameterizedTest
	@ValueSource(strings = { "dev", "production" })
	void rendersAndEveryObjectValidatesAgainstItsSchema(String overlay) throws IOException {
		Path file = renderedFile(overlay);
		Repository.Result valid = SchemaValidator.validate("k8s", file);
		assertThat(valid.exitCode()).as(valid.output()).isZero();
		assertThat(valid.output().lines().filter(l -> l.startsWith("valid ")).count()).isEqualTo(objects(overlay).size());

		// and the validator does refuse what a schema does not allow
		Path broken = file.resolveSibling(overlay + "-broken.yaml");
		Files.writeString(broken, render(overlay).replaceFirst("minReplicas: (\\d+)", "minReplicas: two")
			.replaceFirst("partitions: (\\d+)", "partitions: many").replaceFirst("keycloakCRName:", "keycloakName:"));
		Repository.Result invalid = SchemaValidator.validate("k8s", broken);
		assertThat(invalid.exitCode()).isEqualTo(1);
		assertThat(invalid.output()).contains("HorizontalPodAutoscaler").contains("KafkaTopic").contains("KeycloakRealmImport");
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "production" })
	void everyPodHasProbesResourcesAndALockedDownSecurityContext(String overlay) {
		List<Map<String, Object>> deployments = kind(overlay, "Deployment");
		assertThat(deployments).hasSizeGreaterThanOrEqualTo(Repository.services().size());
		for (Map<String, Object> deployment : deployments) {
			String name = Tree.text(deployment, "metadata.name");
			Object pod = Tree.at(deployment, "spec.template.spec");
			assertThat(Tree.text(pod, "securityContext.runAsNonRoot")).as(name).isEqualTo("true");
			assertThat(Tree.text(pod, "securityContext.seccompProfile.type")).as(name).isEqualTo("RuntimeDefault");
			assertThat(Tree.text(pod, "automountServiceAccountToken")).as(name).isEqualTo("false");
			for (Object container : Tree.list(pod, "containers")) {
				String what = name + "/" + Tree.text(container, "name");
				Set<String> ports = new TreeSet<>();
				Tree.list(container, "ports").forEach(p -> ports.add(Tree.text(p, "name")));
				for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
					assertThat(Tree.at(container, probe + ".httpGet.path")).as(what + " " + probe).isNotNull();
					assertThat(ports).as(what + " " + probe + " port").contains(Tree.text(container, probe + ".httpGet.port"));
				}
				for (String resource : List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory")) {
					assertThat(Tree.at(container, "resources." + resource)).as(what + " " + resource).isNotNull();
				}
				assertThat(Tree.text(container, "securityContext.allowPrivilegeEscalation")).as(what).isEqualTo("false");
				assertThat(Tree.text(container, "securityContext.readOnlyRootFilesystem")).as(what).isEqualTo("true");
				assertThat(Tree.list(container, "securityContext.capabilities.drop")).as(what).containsExactly("ALL");
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "production" })
	void everyServiceHasAServiceADisruptionBudgetAndAnAutoscaler(String overlay) {
		for (String service : Repository.services()) {
			Map<String, Object> deployment = named(overlay, "Deployment", service);
			Map<String, Object> labels = Tree.map(deployment, "spec.template.metadata.labels");
			assertThat(Tree.map(deployment, "spec.selector.matchLabels")).as(service).isNotEmpty();
			assertThat(kind(overlay, "Service")).as(service + ": a Service selecting its pods")
				.anySatisfy(s -> assertThat(labels).containsAllEntriesOf(Tree.map(s, "spec.selector")));
			assertThat(kind(overlay, "PodDisruptionBudget")).as(service + ": a disruption budget")
				.anySatisfy(p -> assertThat(labels).containsAllEntriesOf(Tree.map(p, "spec.selector.matchLabels")));
			Map<String, Object> autoscaler = named(overlay, "HorizontalPodAutoscaler", service);
			assertThat(Tree.text(autoscaler, "spec.scaleTargetRef.name")).isEqualTo(service);
			assertThat(Tree.text(autoscaler, "spec.scaleTargetRef.kind")).isEqualTo("Deployment");
			assertThat(Tree.text(deployment, "spec.template.spec.containers.0.image")).as(service + ": its own image, tagged with its version")
				.isEqualTo("mosaic/" + service + ":" + Repository.releaseVersion(service));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "production" })
	void everyServiceHasTheSettingsItsConfigurationNeeds(String overlay) {
		List<String> problems = new ArrayList<>();
		for (String service : Repository.services()) {
			Map<String, String> env = environment(overlay, service);
			ServiceSettings.of(service).problemsWith(env).forEach(p -> problems.add(service + ": " + p));
			env.forEach((name, value) -> {
				Matcher call = Pattern.compile("([A-Z]+)_SERVICE(_WS)?_URL").matcher(name);
				if (call.matches()) {
					URI uri = URI.create(value);
					named(overlay, "Service", uri.getHost());
					assertThat(uri.getHost()).as(service + " " + name).isEqualTo(call.group(1).toLowerCase() + "-service");
					assertThat(uri.getPort()).as(service + " " + name + ": the Service's port 80").isEqualTo(-1);
				}
			});
			if (!service.equals("gateway-service")) {
				String cluster = Tree.text(kind(overlay, "Cluster").get(0), "metadata.name");
				assertThat(env.get("DATABASE_URL")).isEqualTo("jdbc:postgresql://" + cluster + "-rw:5432/" + service);
				assertThat(kind(overlay, "Database")).as(service + ": its database")
					.anySatisfy(d -> assertThat(Tree.text(d, "spec.name")).isEqualTo(service));
				String kafka = Tree.text(kind(overlay, "Kafka").get(0), "metadata.name");
				assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo(kafka + "-kafka-bootstrap:9092");
			}
			String keycloak = Tree.text(kind(overlay, "Keycloak").get(0), "spec.hostname.hostname");
			assertThat(env.get("KEYCLOAK_ISSUER_URI")).as(service + ": the issuer Keycloak writes into tokens").isEqualTo(keycloak + "/realms/mosaic");
		}
		assertThat(problems).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "production" })
	void networkPoliciesLetInTheGatewayAndExactlyTheCallersTheCodeHas(String overlay) {
		for (String service : Repository.services()) {
			Set<String> callers = new TreeSet<>();
			for (String caller : Repository.services()) {
				if (ServiceSettings.of(caller).calls().contains(service)) {
					callers.add(caller);
				}
			}
			Map<String, Object> policy = named(overlay, "NetworkPolicy", service);
			assertThat(Tree.map(policy, "spec.podSelector.matchLabels")).containsEntry("app.kubernetes.io/name", service);
			Set<String> allowed = new TreeSet<>();
			Set<String> namespaces = new TreeSet<>();
			for (Object rule : Tree.list(policy, "spec.ingress")) {
				for (Object peer : Tree.list(rule, "from")) {
					if (Tree.at(peer, "podSelector") != null) {
						allowed.add(String.valueOf(Tree.map(peer, "podSelector.matchLabels").get("app.kubernetes.io/name")));
					}
					if (Tree.at(peer, "namespaceSelector") != null) {
						namespaces.add(String.valueOf(Tree.map(peer, "namespaceSelector.matchLabels").get("kubernetes.io/metadata.name")));
						assertThat(Tree.list(rule, "ports")).as(service + ": from another namespace, one port only").hasSize(1);
					}
				}
			}
			if (service.equals("gateway-service")) {
				assertThat(allowed).as("the gateway: the ingress only").isEmpty();
				assertThat(namespaces).containsExactlyInAnyOrder("ingress-nginx", "monitoring");
			}
			else {
				Set<String> expected = new TreeSet<>(callers);
				expected.add("gateway-service");
				assertThat(allowed).as(service + ": its callers").isEqualTo(expected);
				assertThat(namespaces).containsExactly("monitoring");
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "production" })
	void everyTopicTheCodeUsesHasAKafkaTopicWithTheServicesRetention(String overlay) {
		ServiceSettings defaults = ServiceSettings.of("post-service");
		Set<String> topics = topicsInCode();
		assertThat(topics).hasSizeGreaterThanOrEqualTo(6);
		for (String topic : topics) {
			for (String name : List.of(topic, topic + "-dlt")) {
				Map<String, Object> kafkaTopic = named(overlay, "KafkaTopic", name);
				String retention = name.endsWith("-dlt") ? "KAFKA_DEAD_LETTER_RETENTION" : "KAFKA_TOPIC_RETENTION";
				assertThat(Long.parseLong(String.valueOf(Tree.map(kafkaTopic, "spec.config").get("retention.ms"))))
					.as(name + ": the retention the services set, or they would set it back").isEqualTo(defaults.durationMillis(retention));
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "production" })
	void everySecretReferencedIsGeneratedOrDocumented(String overlay) {
		Set<String> referenced = new TreeSet<>();
		for (Map<String, Object> object : objects(overlay)) {
			collectSecrets(object, referenced);
		}
		Set<String> generated = new TreeSet<>();
		kind(overlay, "Secret").forEach(s -> generated.add(Tree.text(s, "metadata.name")));
		String operations = Repository.read("docs/operations.md");
		for (String secret : referenced) {
			if (!generated.contains(secret)) {
				assertThat(overlay).as(secret + ": the dev overlay generates every secret it uses").isEqualTo("production");
				assertThat(operations).as(secret + " is listed in docs/operations.md").contains("`" + secret + "`");
			}
		}
		assertThat(referenced).hasSizeGreaterThan(10);
	}

	/** Secret names in secretKeyRef, passwordSecret, usernameSecret, placeholders, s3Credentials and TLS. */
	private static void collectSecrets(Object node, Set<String> into) {
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> {
				if (Set.of("secretKeyRef", "passwordSecret", "usernameSecret", "secret", "accessKeyId", "secretAccessKey").contains(key)
						&& value instanceof Map<?, ?> reference && reference.get("name") != null) {
					into.add(String.valueOf(reference.get("name")));
				}
				if (key.equals("secretName")) {
					into.add(String.valueOf(value));
				}
				collectSecrets(value, into);
			});
		}
		else if (node instanceof List<?> list) {
			list.forEach(item -> collectSecrets(item, into));
		}
	}

	/** Each @EventTopic holder's TOPIC constant in the services' sources. */
	static Set<String> topicsInCode() {
		Set<String> topics = new TreeSet<>();
		Pattern constant = Pattern.compile("static final String TOPIC = \"([a-z.-]+)\"");
		for (Path source : Repository.mainSources()) {
			try {
				String code = Files.readString(source);
				Matcher topic = constant.matcher(code);
				if (code.contains("@EventTopic(") && topic.find()) {
					topics.add(topic.group(1));
				}
			}
			catch (IOException e) {
				throw new AssertionError(e);
			}
		}
		return topics;
	}

	/** A container's environment: its env (a reference to a Secret or ConfigMap counts as set) over its envFrom ConfigMaps. */
	private static Map<String, String> environment(String overlay, String service) {
		Object container = Tree.at(named(overlay, "Deployment", service), "spec.template.spec.containers.0");
		Map<String, String> env = new LinkedHashMap<>();
		for (Object source : Tree.list(container, "envFrom")) {
			String configMap = Tree.text(source, "configMapRef.name");
			assertThat(configMap).as(service + ": envFrom a ConfigMap").isNotNull();
			Tree.map(named(overlay, "ConfigMap", configMap), "data").forEach((k, v) -> env.put(k, String.valueOf(v)));
		}
		for (Object variable : Tree.list(container, "env")) {
			String name = Tree.text(variable, "name");
			Object value = Tree.at(variable, "value");
			if (value != null) {
				env.put(name, String.valueOf(value));
			}
			else {
				String secret = Tree.text(variable, "valueFrom.secretKeyRef.name");
				assertThat(secret).as(service + " " + name).isNotNull();
				if (overlay.equals("dev")) {
					Map<String, Object> generated = named(overlay, "Secret", secret);
					assertThat(Tree.map(generated, "data")).as(service + " " + name).containsKey(Tree.text(variable, "valueFrom.secretKeyRef.key"));
				}
				env.put(name, "secret " + secret);
			}
		}
		return env;
	}

	static Map<String, Object> named(String overlay, String kind, String name) {
		return kind(overlay, kind).stream().filter(o -> Objects.equals(Tree.text(o, "metadata.name"), name)).findFirst()
			.orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the " + overlay + " overlay"));
	}

	static List<Map<String, Object>> kind(String overlay, String kind) {
		return objects(overlay).stream().filter(o -> kind.equals(o.get("kind"))).toList();
	}

	/** Rendered and parsed once per overlay: the checks look objects up thousands of times. */
	static List<Map<String, Object>> objects(String overlay) {
		return PARSED.computeIfAbsent(overlay, o -> Repository.yamlDocuments(render(o)));
	}

	static String render(String overlay) {
		return RENDERED.computeIfAbsent(overlay, o -> Repository.runOk(Repository.ROOT, 120, "kubectl", "kustomize", "k8s/overlays/" + o));
	}

	private static Path renderedFile(String overlay) throws IOException {
		Path file = Files.createDirectories(Repository.ROOT.resolve("deploy/checks/target")).resolve(overlay + ".yaml");
		Files.writeString(file, render(overlay));
		return file;
	}
}
