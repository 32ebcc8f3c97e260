package app.mosaic.deploy;

import java.util.List;
import java.util.Map;

/** Walks the maps and lists a YAML document parses into. */
final class Tree {

	private Tree() {
	}

	/** The value at a dotted path ("spec.template.spec"), or null where any step is missing. */
	static Object at(Object node, String path) {
		Object current = node;
		for (String step : path.split("\\.")) {
			if (current instanceof Map<?, ?> map) {
				current = map.get(step);
			}
			else if (current instanceof List<?> list && step.matches("\\d+")) {
				int index = Integer.parseInt(step);
				current = index < list.size() ? list.get(index) : null;
			}
			else {
				return null;
			}
		}
		return current;
	}

	static String text(Object node, String path) {
		Object value = at(node, path);
		return value == null ? null : String.valueOf(value);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object node, String path) {
		Object value = at(node, path);
		return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object node, String path) {
		Object value = at(node, path);
		return value instanceof List<?> ? (List<Object>) value : List.of();
	}
}
