package app.mosaic.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The working tree these checks read, and the few tools they run (kubectl, node). */
final class Repository {

	static final Path ROOT = Path.of(System.getProperty("mosaic.root", "../..")).toAbsolutePath().normalize();

	private Repository() {
	}

	/** The eight services, as the parent pom lists their modules. */
	static List<String> services() {
		Matcher module = Pattern.compile("<module>([a-z]+-service)</module>").matcher(read("pom.xml"));
		List<String> services = new ArrayList<>();
		while (module.find()) {
			services.add(module.group(1));
		}
		return services;
	}

	/** A service's own version, as its pom declares it, without -SNAPSHOT: what its release is tagged with. */
	static String releaseVersion(String service) {
		Matcher version = Pattern.compile("<artifactId>" + service + "</artifactId>\\s*(?:<!--.*?-->\\s*)?<version>([^<]+)</version>", Pattern.DOTALL)
			.matcher(read(service + "/pom.xml"));
		if (!version.find()) {
			throw new AssertionError(service + "/pom.xml declares no version of its own");
		}
		return version.group(1).replace("-SNAPSHOT", "");
	}

	static String read(String path) {
		try {
			return Files.readString(ROOT.resolve(path));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> yaml(String path) {
		return (Map<String, Object>) yaml().load(read(path));
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> yamlDocuments(String text) {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : yaml().loadAll(text)) {
			if (document != null) {
				documents.add((Map<String, Object>) document);
			}
		}
		return documents;
	}

	private static Yaml yaml() {
		LoaderOptions options = new LoaderOptions();
		// the realm import is a large document
		options.setCodePointLimit(16 * 1024 * 1024);
		return new Yaml(options);
	}

	/** The Java sources of every service's main code. */
	static List<Path> mainSources() {
		List<Path> sources = new ArrayList<>();
		for (String service : services()) {
			try (Stream<Path> files = Files.walk(ROOT.resolve(service).resolve("src/main/java"))) {
				files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return sources;
	}

	/** What a command wrote: its standard output alone, and both streams for messages. */
	record Result(int exitCode, String stdout, String output) {
	}

	static Result run(Path directory, int timeoutSeconds, String... command) {
		try {
			Path logs = Files.createDirectories(ROOT.resolve("deploy/checks/target/runs"));
			Path out = Files.createTempFile(logs, "run", ".out");
			Path err = Files.createTempFile(logs, "run", ".err");
			Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectOutput(out.toFile())
				.redirectError(err.toFile()).start();
			boolean done = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
			String stdout = Files.readString(out);
			String both = stdout + Files.readString(err);
			if (!done) {
				process.destroyForcibly();
				throw new AssertionError(String.join(" ", command) + " timed out:\n" + both);
			}
			return new Result(process.exitValue(), stdout, both);
		}
		catch (IOException e) {
			throw new AssertionError("could not run " + String.join(" ", command) + ": " + e.getMessage(), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}

	static String runOk(Path directory, int timeoutSeconds, String... command) {
		Result result = run(directory, timeoutSeconds, command);
		assertThat(result.exitCode()).as(String.join(" ", command) + "\n" + result.output()).isZero();
		return result.stdout();
	}
}
