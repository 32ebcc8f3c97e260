package app.mosaic.testkit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * Whether an event schema still accepts what consumers were promised by its baseline (the schema as last released):
 * events of both versions share a topic, and producers and consumers are released apart. A removed property, a
 * narrowed type, a new required property, a value range or enum that shrank, a changed pattern or format are
 * incompatible; a new optional property, a widened type or range are not. Covers the keywords the contracts use
 * (type, properties, required, items, enum, pattern, format, minimum and maximum, min and max length and items).
 */
public final class EventSchemaCompatibility {

	private EventSchemaCompatibility() {
	}

	/** Each way the new schema refuses what the old one allowed, with its path; empty when compatible. */
	public static List<String> incompatibilities(JsonNode oldSchema, JsonNode newSchema) {
		List<String> problems = new ArrayList<>();
		compare("", oldSchema, newSchema, problems);
		return problems;
	}

	private static void compare(String path, JsonNode old, JsonNode now, List<String> problems) {
		String at = path.isEmpty() ? "/" : path;
		Set<String> oldTypes = types(old);
		Set<String> newTypes = types(now);
		if (!newTypes.isEmpty()) {
			for (String type : oldTypes.isEmpty() ? Set.of("any") : oldTypes) {
				boolean kept = newTypes.contains(type) || (type.equals("integer") && newTypes.contains("number"));
				if (!kept) {
					problems.add(at + ": type " + (oldTypes.isEmpty() ? "unconstrained" : oldTypes) + " narrowed to " + newTypes);
					break;
				}
			}
		}
		if (now.has("enum")) {
			Set<String> allowed = new HashSet<>();
			now.get("enum").forEach(v -> allowed.add(v.toString()));
			if (!old.has("enum")) {
				problems.add(at + ": an enum now limits its values");
			}
			else {
				old.get("enum").forEach(v -> {
					if (!allowed.contains(v.toString())) {
						problems.add(at + ": enum value " + v + " is no longer allowed");
					}
				});
			}
		}
		for (String keyword : List.of("pattern", "format")) {
			if (now.has(keyword) && !now.get(keyword).equals(old.get(keyword))) {
				problems.add(at + ": " + keyword + " " + old.path(keyword).asString("(none)") + " became " + now.get(keyword).asString());
			}
		}
		for (String lower : List.of("minimum", "minLength", "minItems")) {
			if (now.has(lower) && (!old.has(lower) || decimal(now.get(lower)).compareTo(decimal(old.get(lower))) > 0)) {
				problems.add(at + ": " + lower + " rose from " + old.path(lower).asString("(none)") + " to " + now.get(lower));
			}
		}
		for (String upper : List.of("maximum", "maxLength", "maxItems")) {
			if (now.has(upper) && (!old.has(upper) || decimal(now.get(upper)).compareTo(decimal(old.get(upper))) < 0)) {
				problems.add(at + ": " + upper + " fell from " + old.path(upper).asString("(none)") + " to " + now.get(upper));
			}
		}
		if (now.path("additionalProperties").isBoolean() && !now.get("additionalProperties").asBoolean()
				&& !(old.path("additionalProperties").isBoolean() && !old.get("additionalProperties").asBoolean())) {
			problems.add(at + ": additional properties are no longer allowed");
		}
		Set<String> oldRequired = new HashSet<>();
		old.path("required").forEach(r -> oldRequired.add(r.asString()));
		now.path("required").forEach(r -> {
			if (!oldRequired.contains(r.asString())) {
				problems.add(path + "/" + r.asString() + ": newly required (events already published lack it)");
			}
		});
		old.path("properties").propertyNames().forEach(name -> {
			JsonNode kept = now.path("properties").get(name);
			if (kept == null) {
				problems.add(path + "/" + name + ": removed (consumers read it)");
			}
			else {
				compare(path + "/" + name, old.get("properties").get(name), kept, problems);
			}
		});
		if (old.has("items") && now.has("items")) {
			compare(path + "/items", old.get("items"), now.get("items"), problems);
		}
	}

	private static Set<String> types(JsonNode schema) {
		Set<String> types = new TreeSet<>();
		JsonNode type = schema.path("type");
		if (type.isString()) {
			types.add(type.asString());
		}
		type.forEach(t -> types.add(t.asString()));
		return types;
	}

	private static BigDecimal decimal(JsonNode number) {
		return new BigDecimal(number.asString());
	}
}
