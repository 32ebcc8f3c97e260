package app.mosaic.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every event schema of contracts/events against its baseline in contracts/baselines/events (the contracts as last
 * released), and the rules that decide compatibility. -Dmosaic.contracts.update=true writes today's schemas as
 * the baselines.
 */
class EventSchemaCompatibilityTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Path CONTRACTS = ApiContracts.contractsDirectory();
	private static final Path CURRENT = CONTRACTS.resolve("events");
	private static final Path BASELINE = CONTRACTS.resolve("baselines/events");

	@Test
	void everyEventSchemaStaysCompatibleWithItsBaseline() throws IOException {
		if (Boolean.getBoolean("mosaic.contracts.update")) {
			for (Path schema : schemas(CURRENT)) {
				Path target = BASELINE.resolve(CURRENT.relativize(schema));
				Files.createDirectories(target.getParent());
				Files.copy(schema, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		List<Path> baselines = schemas(BASELINE);
		assertThat(baselines).as("baselines in " + BASELINE + " (-Dmosaic.contracts.update=true writes them)").hasSizeGreaterThan(20);
		List<String> problems = new ArrayList<>();
		for (Path baseline : baselines) {
			Path relative = BASELINE.relativize(baseline);
			Path current = CURRENT.resolve(relative);
			if (!Files.exists(current)) {
				problems.add(relative + ": the event is gone (consumers still read it)");
				continue;
			}
			EventSchemaCompatibility.incompatibilities(JSON.readTree(baseline.toFile()), JSON.readTree(current.toFile()))
				.forEach(p -> problems.add(relative + " " + p));
		}
		assertThat(problems).as("incompatible event schema changes: publish a new event type or schemaVersion beside the old one, or agree "
				+ "the break with every consumer and update the baselines (-Dmosaic.contracts.update=true)").isEmpty();
	}

	@Test
	void aNewOptionalPropertyAndAWiderTypeOrRangeAreCompatible() {
		assertThat(problems("""
				{"type":"object","required":["id"],"properties":{"id":{"type":"string"},"count":{"type":"integer","minimum":1,"maxLength":5}}}""", """
				{"type":"object","required":["id"],"properties":{"id":{"type":"string"},"count":{"type":["number","null"],"minimum":0},
				 "note":{"type":"string"}}}""")).isEmpty();
	}

	@Test
	void aRemovedPropertyANarrowedTypeAndANewRequiredPropertyAreNot() {
		assertThat(problems("""
				{"type":"object","required":["id"],"properties":{"id":{"type":"string"},"count":{"type":["integer","null"]},
				 "kind":{"type":"string","enum":["A","B"]},"tags":{"type":"array","items":{"type":"string","maxLength":30}}}}""", """
				{"type":"object","required":["id","kind"],"properties":{"id":{"type":"string","pattern":"^[0-9]+$"},"count":{"type":"integer"},
				 "kind":{"type":"string","enum":["A"]},"tags":{"type":"array","items":{"type":"string","maxLength":20}}}}""")).containsExactlyInAnyOrder(
				"/id: pattern (none) became ^[0-9]+$",
				"/kind: newly required (events already published lack it)",
				"/count: type [integer, null] narrowed to [integer]",
				"/kind: enum value \"B\" is no longer allowed",
				"/tags/items: maxLength fell from 30 to 20");
		assertThat(problems("""
				{"type":"object","properties":{"id":{"type":"string"},"gone":{"type":"string"}}}""", """
				{"type":"object","properties":{"id":{"type":"string"}}}""")).containsExactly("/gone: removed (consumers read it)");
	}

	private static List<String> problems(String oldSchema, String newSchema) {
		return EventSchemaCompatibility.incompatibilities(JSON.readTree(oldSchema), JSON.readTree(newSchema));
	}

	private static List<Path> schemas(Path root) throws IOException {
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(root)) {
			// contracts/events/target holds the module's packaged copies
			return files.filter(f -> f.getFileName().toString().endsWith(".schema.json")).filter(f -> !root.relativize(f).startsWith("target"))
				.sorted().toList();
		}
	}
}
