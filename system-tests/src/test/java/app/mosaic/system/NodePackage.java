package app.mosaic.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Node tool pinned by a package.json and lock file under system-tests/ (newman, playwright-core), installed into
 * the build's own directory on first use and run there, its output kept in a log beside it.
 */
record NodePackage(Path home) {

	private static final Path ROOT = Path.of(System.getProperty("mosaic.root", "..")).toAbsolutePath().normalize();

	/** system-tests/{source} copied into system-tests/target/{source} with {@code npm ci} unless {@code installed} is there. */
	static NodePackage install(String source, String installed, String... extraFiles) throws IOException {
		Path home = Files.createDirectories(ROOT.resolve("system-tests/target").resolve(source));
		NodePackage tool = new NodePackage(home);
		List<String> files = new ArrayList<>(List.of("package.json", "package-lock.json"));
		files.addAll(List.of(extraFiles));
		for (String file : files) {
			Files.copy(ROOT.resolve("system-tests").resolve(source).resolve(file), home.resolve(file), StandardCopyOption.REPLACE_EXISTING);
		}
		if (!Files.exists(home.resolve(installed))) {
			tool.run("npm-ci.out", 600, "npm", "ci", "--no-audit", "--no-fund");
		}
		return tool;
	}

	/** Runs the command in the package's directory; fails with its output unless it exits 0 in time. Returns the output. */
	String run(String logName, int timeoutSeconds, String... command) {
		Path log = home.resolve(logName);
		try {
			ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
			builder.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
			Process process = builder.start();
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError(String.join(" ", command) + " timed out:\n" + Files.readString(log));
			}
			String output = Files.readString(log);
			assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
			return output;
		}
		catch (IOException e) {
			throw new AssertionError("could not run " + String.join(" ", command), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}

	static Path root() {
		return ROOT;
	}
}
