package app.mosaic.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryStringFilterTests {

	@Test
	void decodesValidPercentEncodedUtf8() {
		assertThat(QueryStringFilter.decode("Jos%C3%A9+Silva")).isEqualTo("José Silva");
		assertThat(QueryStringFilter.decode("%F0%9F%93%B7")).isEqualTo("📷");
		assertThat(QueryStringFilter.decode("plain")).isEqualTo("plain");
	}

	@Test
	void refusesBrokenEscapesAndBytesThatAreNotUtf8() {
		assertThat(QueryStringFilter.decode("%ff%fe")).isNull();
		assertThat(QueryStringFilter.decode("%c0%80")).as("overlong NUL").isNull();
		assertThat(QueryStringFilter.decode("%e")).isNull();
		assertThat(QueryStringFilter.decode("%zz")).isNull();
		assertThat(QueryStringFilter.decode("%ed%a0%80")).as("an encoded surrogate").isNull();
	}

	@Test
	void leavesControlCharactersToTheTextRules() {
		assertThat(Text.problem(QueryStringFilter.decode("%00"))).isNotNull();
		assertThat(Text.problem(QueryStringFilter.decode("a%09b"))).isNull();
	}
}
