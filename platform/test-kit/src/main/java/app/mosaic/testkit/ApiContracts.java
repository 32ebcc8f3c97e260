package app.mosaic.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.fail;

/**
 * A service's public OpenAPI document against its committed baseline ({@code contracts/baselines/openapi/<service>.json},
 * the API as last released): an incompatible change (a removed operation or field, a narrowed type, a new
 * required parameter or field) fails the build; additions pass. After a release, or a break agreed with every
 * client, {@code -Dmosaic.contracts.update=true} writes the current document as the new baseline.
 */
public final class ApiContracts {

	private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private ApiContracts() {
	}

	/** The repository's contracts/ directory, which the parent pom passes to every test JVM. */
	static Path contractsDirectory() {
		return Path.of(System.getProperty("mosaic.contracts.dir", "../contracts"));
	}

	public static void assertCompatibleWithBaseline(String service, String currentDocument) {
		Path baseline = contractsDirectory().resolve("baselines/openapi").resolve(service + ".json");
		try {
			Path current = Path.of("target", "openapi", service + ".json");
			Files.createDirectories(current.getParent());
			Files.writeString(current, currentDocument);
			if (Boolean.getBoolean("mosaic.contracts.update")) {
				Files.createDirectories(baseline.getParent());
				Files.writeString(baseline, PRETTY.writeValueAsString(PRETTY.readTree(currentDocument)) + "\n");
				return;
			}
			if (!Files.exists(baseline)) {
				fail(service + " has no API baseline at " + baseline + ": run its tests with -Dmosaic.contracts.update=true and commit it");
			}
			String report = incompatibilities(Files.readString(baseline), currentDocument);
			if (report != null) {
				fail(service + "'s API is no longer compatible with " + baseline + " (what clients were given):\n" + report
						+ "\nKeep the old shape beside the new one, or agree the break with every client and update the baseline"
						+ " (-Dmosaic.contracts.update=true).");
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * What makes the new document incompatible with the old one, null when nothing does: openapi-diff's report, and
	 * every response field that is gone, which openapi-diff lets pass when the field was optional (clients read
	 * optional fields all the same).
	 */
	public static String incompatibilities(String oldDocument, String newDocument) {
		StringBuilder report = new StringBuilder();
		ChangedOpenApi diff = OpenApiCompare.fromContents(asOpenApi30(oldDocument), asOpenApi30(newDocument));
		if (diff.isIncompatible()) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (OutputStreamWriter writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
				new MarkdownRender().render(diff, writer);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			report.append(bytes.toString(StandardCharsets.UTF_8));
		}
		List<String> removed = removedResponseFields(PRETTY.readTree(oldDocument), PRETTY.readTree(newDocument));
		if (!removed.isEmpty()) {
			report.append("\n## Response fields removed\n");
			removed.forEach(r -> report.append("- ").append(r).append('\n'));
		}
		return report.isEmpty() ? null : report.toString();
	}

	private static List<String> removedResponseFields(JsonNode oldDoc, JsonNode newDoc) {
		List<String> removed = new ArrayList<>();
		oldDoc.path("paths").propertyNames().forEach(path -> oldDoc.path("paths").path(path).propertyNames().forEach(method -> {
			JsonNode oldResponses = oldDoc.path("paths").path(path).path(method).path("responses");
			JsonNode newResponses = newDoc.path("paths").path(path).path(method).path("responses");
			oldResponses.propertyNames().forEach(status -> oldResponses.path(status).path("content").propertyNames().forEach(type -> {
				JsonNode newSchema = newResponses.path(status).path("content").path(type).path("schema");
				if (!newSchema.isMissingNode()) {
					compareFields(method.toUpperCase() + " " + path + " " + status, oldDoc, oldResponses.path(status).path("content").path(type).path("schema"),
							newDoc, newSchema, new HashSet<>(), removed);
				}
			}));
		}));
		return removed;
	}

	private static void compareFields(String at, JsonNode oldDoc, JsonNode oldSchema, JsonNode newDoc, JsonNode newSchema, Set<String> seen,
			List<String> removed) {
		JsonNode old = resolve(oldDoc, oldSchema);
		JsonNode now = resolve(newDoc, newSchema);
		if (!seen.add(at + oldSchema.path("$ref").asString("") + "|" + newSchema.path("$ref").asString(""))) {
			return;
		}
		old.path("properties").propertyNames().forEach(name -> {
			JsonNode kept = now.path("properties").get(name);
			if (kept == null) {
				removed.add(at + ": " + name);
			}
			else {
				compareFields(at + " ." + name, oldDoc, old.path("properties").get(name), newDoc, kept, seen, removed);
			}
		});
		if (old.has("items") && now.has("items")) {
			compareFields(at + " []", oldDoc, old.get("items"), newDoc, now.get("items"), seen, removed);
		}
	}

	/**
	 * The document read as OpenAPI 3.0: openapi-diff compares the types of 3.0 schemas only (a 3.1 document parses
	 * into a type set it does not look at, so a changed type would pass). Springdoc's 3.1 documents use nothing
	 * 3.0 lacks but type lists, which become a type with nullable.
	 */
	static String asOpenApi30(String document) {
		JsonNode doc = PRETTY.readTree(document);
		if (doc.path("openapi").asString("").startsWith("3.1")) {
			((ObjectNode) doc).put("openapi", "3.0.3");
			singleTypes(doc);
		}
		return doc.toString();
	}

	private static void singleTypes(JsonNode node) {
		if (node instanceof ObjectNode object && object.path("type").isArray()) {
			List<String> types = new ArrayList<>();
			object.get("type").forEach(t -> types.add(t.asString()));
			if (types.remove("null")) {
				object.put("nullable", true);
			}
			if (types.size() == 1) {
				object.put("type", types.get(0));
			}
			else {
				object.remove("type");
			}
		}
		node.forEach(ApiContracts::singleTypes);
	}

	/** A schema with its local $ref (#/components/schemas/X) followed. */
	private static JsonNode resolve(JsonNode doc, JsonNode schema) {
		JsonNode current = schema;
		for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
			current = doc.at(current.get("$ref").asString().substring(1));
		}
		return current;
	}
}
