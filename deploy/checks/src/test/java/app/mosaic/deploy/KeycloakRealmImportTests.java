package app.mosaic.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The KeycloakRealmImport of k8s/ is the local run's realm file, with the operator's placeholders (filled from
 * Secrets) where the local run substitutes its own values, so that a cluster runs the realm every test runs.
 */
class KeycloakRealmImportTests {

	private static final String REALM = "platform/local-runner/src/main/keycloak/mosaic-realm.json";
	private static final String IMPORT = "k8s/base/infrastructure/keycloak-realm-import.yaml";
	private static final String HEADER = """
			# Made from platform/local-runner/src/main/keycloak/mosaic-realm.json; never edit by hand. After changing the realm
			# file: ./mvnw verify -pl deploy/checks -Dmosaic.regenerate=true (KeycloakRealmImportTests writes this file).
			""";
	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	@Test
	void theRealmImportIsTheRealmFile() throws IOException {
		ObjectNode expected = realmImport();
		if (Boolean.getBoolean("mosaic.regenerate")) {
			Files.writeString(Repository.ROOT.resolve(IMPORT), HEADER + JSON.writeValueAsString(expected) + "\n");
		}
		Object committed = Repository.yamlDocuments(Repository.read(IMPORT)).get(0);
		assertThat((Object) JSON.valueToTree(committed)).as(IMPORT + " is behind " + REALM + ": regenerate it (see its first lines)")
			.isEqualTo(expected);
	}

	@Test
	void everyPlaceholderHasASecretAndNoneIsLeft() {
		ObjectNode realmImport = realmImport();
		String realm = realmImport.get("spec").get("realm").toString();
		assertThat(realm).doesNotContainPattern("@[A-Z_]+@");
		Matcher used = Pattern.compile("\\$\\{([A-Z_]+)}").matcher(realm);
		TreeSet<String> names = new TreeSet<>();
		while (used.find()) {
			names.add(used.group(1));
		}
		TreeSet<String> secrets = new TreeSet<>();
		realmImport.get("spec").get("placeholders").propertyNames().forEach(secrets::add);
		assertThat(names).isEqualTo(secrets);
		assertThat(names).contains("SMTP_HOST", "SMTP_PORT", "AUTH_CLIENT_SECRET", "MEDIA_CLIENT_SECRET");
	}

	/** The realm with ${NAME} for each @NAME@ and for the mail host, and a Secret for each placeholder. */
	static ObjectNode realmImport() {
		String text = Repository.read(REALM);
		TreeSet<String> names = new TreeSet<>();
		Matcher placeholder = Pattern.compile("@([A-Z_]+)@").matcher(text);
		while (placeholder.find()) {
			names.add(placeholder.group(1));
		}
		names.add("SMTP_HOST");
		ObjectNode realm = (ObjectNode) JSON.readTree(text.replaceAll("@([A-Z_]+)@", "\\${$1}"));
		((ObjectNode) realm.get("smtpServer")).put("host", "${SMTP_HOST}");
		Map<String, Object> placeholders = new LinkedHashMap<>();
		for (String name : names) {
			Map<String, String> secret = name.endsWith("_CLIENT_SECRET")
					? Map.of("name", "mosaic-" + name.substring(0, name.length() - "_CLIENT_SECRET".length()).toLowerCase() + "-client", "key", "secret")
					: Map.of("name", "mosaic-smtp", "key", name.substring("SMTP_".length()).toLowerCase());
			placeholders.put(name, Map.of("secret", new TreeMap<>(secret)));
		}
		ObjectNode realmImport = JSON.createObjectNode();
		realmImport.put("apiVersion", "k8s.keycloak.org/v2alpha1");
		realmImport.put("kind", "KeycloakRealmImport");
		realmImport.putObject("metadata").put("name", "mosaic-realm");
		ObjectNode spec = realmImport.putObject("spec");
		spec.put("keycloakCRName", "mosaic-keycloak");
		spec.set("placeholders", JSON.valueToTree(placeholders));
		spec.set("realm", realm);
		return realmImport;
	}
}
