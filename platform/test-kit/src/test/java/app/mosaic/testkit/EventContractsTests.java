package app.mosaic.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every example in contracts/events is a valid event of its own schema: consumers test against them. */
class EventContractsTests {

	static Stream<String> examples() throws IOException {
		Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:contracts/events/*/*.example.json");
		return Arrays.stream(found).map(r -> {
			try {
				String url = r.getURL().toString();
				String[] parts = url.substring(0, url.length() - ".example.json".length()).split("/");
				return parts[parts.length - 2] + "/" + parts[parts.length - 1];
			}
			catch (IOException e) {
				throw new IllegalStateException(e);
			}
		});
	}

	@ParameterizedTest
	@MethodSource("examples")
	void exampleMatchesItsSchema(String topicAndType) {
		String[] parts = topicAndType.split("/");
		EventContracts.assertValid(parts[0], parts[1], EventContracts.example(parts[0], parts[1]));
	}

	@Test
	void findsTheContracts() throws IOException {
		assertThat(examples()).contains("post.events/PostCreated", "graph.events/FollowCreated", "user.events/ProfileUpdated");
	}

	@Test
	void refusesAPayloadThatBreaksTheSchema() {
		String broken = EventContracts.example("post.events", "PostCreated").replace("\"lisbon\"", "\"Not A Tag!\"");
		assertThatThrownBy(() -> EventContracts.assertValid("post.events", "PostCreated", broken))
			.isInstanceOf(AssertionError.class);
	}
}
