package app.mosaic.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdsTests {

	@Test
	void anIdInAPathThatIsNoPositiveNumberNamesNothing() {
		assertThat(Ids.inPath("7402938475629999", "post")).isEqualTo(7402938475629999L);
		for (String id : new String[] { "abc", "0", "-5", "99999999999999999999", "" }) {
			assertThatThrownBy(() -> Ids.inPath(id, "post")).as(id).isInstanceOfSatisfying(ApiProblem.class,
					p -> assertThat(p.status().value() + " " + p.getMessage()).isEqualTo("404 No such post."));
		}
	}

	@Test
	void anIdInABodyThatIsNoPositiveNumberIsAMistakeNamingTheField() {
		assertThat(Ids.inBody("mediaIds", " 42 ", "media")).isEqualTo(42);
		assertThatThrownBy(() -> Ids.inBody("mediaIds", "x".repeat(100), "media")).isInstanceOfSatisfying(ApiProblem.class,
				p -> assertThat(p.status().value() + " " + p.getMessage()).startsWith("400 mediaIds: \"xxxx").endsWith("…\" is not a media id.").hasSizeLessThan(80));
	}
}
