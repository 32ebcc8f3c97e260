package app.mosaic.system;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import app.mosaic.testkit.HttpApi;

/**
 * The whole platform, started once per test JVM exactly as {@code ./mosaic up} starts it, on ports 20000
 * above the defaults and with its own state under target/, so it never meets a developer's running platform.
 * Stopped with {@code ./mosaic down} when the JVM exits.
 */
final class Platform {

	static final int PORT_OFFSET = 20000;
	static final String GATEWAY = "http://127.0.0.1:" + (8080 + PORT_OFFSET);
	static final String MAIL_API = "http://127.0.0.1:" + (8025 + PORT_OFFSET);
	static final String KEYCLOAK = "http://127.0.0.1:" + (8180 + PORT_OFFSET);

	private static final Path ROOT = Path.of(System.getProperty("mosaic.root", "..")).toAbsolutePath().normalize();
	private static final Path HOME = ROOT.resolve("system-tests/target/platform");
	private static boolean started;
	private static IllegalStateException failure;

	private Platform() {
	}

	static synchronized HttpApi gateway() {
		if (failure != null) {
			throw failure;
		}
		if (!started) {
			mosaic(120, "down"); // whatever a crashed earlier run left behind
			// a fresh platform every run: Keycloak never re-imports a realm it already has
			deleteTree(HOME.resolve("data"));
			deleteTree(HOME.resolve("keycloak"));
			Runtime.getRuntime().addShutdownHook(new Thread(() -> mosaic(120, "down")));
			try {
				mosaic(900, "up");
			}
			catch (IllegalStateException e) {
				failure = e;
				throw e;
			}
			started = true;
		}
		return new HttpApi(GATEWAY);
	}

	/** Runs {@code ./mosaic} with this platform's home and ports; fails with its output when it fails. */
	static void mosaic(int timeoutSeconds, String... args) {
		try {
			Files.createDirectories(HOME);
			File log = HOME.resolve("mosaic-" + args[0] + ".out").toFile();
			ProcessBuilder builder = new ProcessBuilder(concat(ROOT.resolve("mosaic").toString(), args))
				.directory(ROOT.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log);
			builder.environment().put("MOSAIC_HOME", HOME.toString());
			builder.environment().put("MOSAIC_PORT_OFFSET", String.valueOf(PORT_OFFSET));
			Process process = builder.start();
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("./mosaic " + String.join(" ", args) + " timed out:\n" + Files.readString(log.toPath()));
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException("./mosaic " + String.join(" ", args) + " failed:\n" + Files.readString(log.toPath()));
			}
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static void deleteTree(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (var paths = Files.walk(dir)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException e) {
			throw new IllegalStateException("Could not clear " + dir, e);
		}
	}

	private static List<String> concat(String first, String... rest) {
		java.util.ArrayList<String> all = new java.util.ArrayList<>(List.of(first));
		all.addAll(List.of(rest));
		return all;
	}
}
