package app.mosaic.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment variables a service's configuration reads (its application.yml and, for the servlet services,
 * the platform's defaults), and the rules a deployment's environment for it must keep.
 */
record ServiceSettings(String service, Map<String, String> defaults) {

	/** ${NAME} or ${NAME:default}; a default may hold a nested ${...}, cut at its first brace, which is enough here. */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
	/** Who a service is and what it proves it with: never a default, which would be the same everywhere. */
	private static final Pattern CREDENTIAL = Pattern.compile(".*(PASSWORD|SECRET|_ACCESS_KEY|_SIGNING_KEY)|DATABASE_USER|SERVICE_CLIENT_ID");
	private static final Pattern CALL = Pattern.compile("([A-Z]+)_SERVICE(?:_WS)?_URL");
	/** Spring's relaxed binding of any property, and the JVM's own variable: set on purpose, never a typo here. */
	private static final Pattern PASSTHROUGH = Pattern.compile("(SPRING|MANAGEMENT|SERVER|LOGGING|MOSAIC)_[A-Z0-9_]+|JAVA_TOOL_OPTIONS");
	static final String NO_DEFAULT = "\u0000";

	private static final Map<String, ServiceSettings> READ = new java.util.concurrent.ConcurrentHashMap<>();

	/** Read once per service. */
	static ServiceSettings of(String service) {
		return READ.computeIfAbsent(service, ServiceSettings::read);
	}

	private static ServiceSettings read(String service) {
		Map<String, String> defaults = new LinkedHashMap<>();
		if (!service.equals("gateway-service")) {
			collect(Repository.read("platform/service-starter/src/main/resources/mosaic-service-defaults.yml"), defaults);
		}
		collect(Repository.read(service + "/src/main/resources/application.yml"), defaults);
		return new ServiceSettings(service, defaults);
	}

	private static void collect(String yaml, Map<String, String> into) {
		Matcher placeholder = PLACEHOLDER.matcher(yaml);
		while (placeholder.find()) {
			into.put(placeholder.group(1), placeholder.group(2) == null ? NO_DEFAULT : placeholder.group(2));
		}
	}

	/** The services this one calls: each XYZ_SERVICE_URL it reads. */
	Set<String> calls() {
		Set<String> calls = new TreeSet<>();
		defaults.keySet().forEach(name -> {
			Matcher call = CALL.matcher(name);
			if (call.matches()) {
				calls.add(call.group(1).toLowerCase() + "-service");
			}
		});
		return calls;
	}

	/**
	 * What is wrong with this environment for the service: a setting without a default, one whose default is this
	 * machine's loopback (another container's or pod's address in a deployment) and a credential must all be set;
	 * and every variable set must be one the service reads.
	 */
	List<String> problemsWith(Map<String, String> environment) {
		List<String> problems = new ArrayList<>();
		defaults.forEach((name, fallback) -> {
			String value = environment.get(name);
			boolean set = value != null && !value.isBlank();
			if (set) {
				return;
			}
			if (fallback.equals(NO_DEFAULT)) {
				problems.add(name + " has no default and is not set");
			}
			else if (fallback.contains("127.0.0.1") || fallback.contains("localhost")) {
				problems.add(name + " is not set, and its default (" + fallback + ") is the machine's own address");
			}
			else if (CREDENTIAL.matcher(name).matches()) {
				problems.add(name + " is a credential and is not set");
			}
		});
		environment.keySet().forEach(name -> {
			if (!defaults.containsKey(name) && !PASSTHROUGH.matcher(name).matches()) {
				problems.add(name + " is set but " + service + " never reads it");
			}
		});
		return problems;
	}

	/** A duration default as Spring writes it (7d, 30m, 10s, 500ms), in milliseconds. */
	long durationMillis(String name) {
		Matcher duration = Pattern.compile("(\\d+)(ms|s|m|h|d)").matcher(defaults.get(name));
		if (!duration.matches()) {
			throw new IllegalStateException(name + " is no duration: " + defaults.get(name));
		}
		long amount = Long.parseLong(duration.group(1));
		return switch (duration.group(2)) {
			case "ms" -> amount;
			case "s" -> amount * 1_000;
			case "m" -> amount * 60_000;
			case "h" -> amount * 3_600_000;
			default -> amount * 86_400_000;
		};
	}
}
