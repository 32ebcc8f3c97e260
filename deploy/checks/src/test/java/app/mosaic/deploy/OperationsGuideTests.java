package app.mosaic.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** docs/operations.md keeps up with the code: its configuration reference names every variable a service reads. */
class OperationsGuideTests {

	@Test
	void theConfigurationReferenceNamesEveryVariable() {
		String guide = Repository.read("docs/operations.md");
		Set<String> missing = new TreeSet<>();
		for (String service : Repository.services()) {
			ServiceSettings.of(service).defaults().keySet().forEach(name -> {
				if (!guide.contains("`" + name + "`")) {
					missing.add(service + ": " + name);
				}
			});
		}
		assertThat(missing).as("variables docs/operations.md does not mention").isEmpty();
	}
}
