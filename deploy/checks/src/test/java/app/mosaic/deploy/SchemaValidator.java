package app.mosaic.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * deploy/checks/validator (Ajv with the Compose specification's schema; the kubernetes-models packages and the
 * operators' CRD schemas), installed at the versions its lock file pins into this build's own directory.
 */
final class SchemaValidator {

	private static final Path SOURCE = Repository.ROOT.resolve("deploy/checks/validator");
	private static final Path HOME = Repository.ROOT.resolve("deploy/checks/target/validator");
	private static boolean installed;

	private SchemaValidator() {
	}

	static Repository.Result validate(String mode, Path file) {
		install();
		return Repository.run(HOME, 300, "node", "validate.mjs", mode, file.toString());
	}

	private static synchronized void install() {
		if (installed) {
			return;
		}
		try {
			Files.createDirectories(HOME.resolve("schemas"));
			for (String file : List.of("package.json", "package-lock.json", "validate.mjs")) {
				Files.copy(SOURCE.resolve(file), HOME.resolve(file), StandardCopyOption.REPLACE_EXISTING);
			}
			try (Stream<Path> schemas = Files.list(SOURCE.resolve("schemas"))) {
				for (Path schema : schemas.toList()) {
					Files.copy(schema, HOME.resolve("schemas").resolve(schema.getFileName()), StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (!Files.exists(HOME.resolve("node_modules/kubernetes-models/package.json"))) {
			Repository.runOk(HOME, 600, "npm", "ci", "--no-audit", "--no-fund");
		}
		installed = true;
	}
}
