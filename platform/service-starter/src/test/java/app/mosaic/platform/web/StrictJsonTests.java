package app.mosaic.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

class StrictJsonTests {

	record Body(String text, Boolean flag) {
	}

	private final JsonMapper json = StrictJson.configure(JsonMapper.builder()).build();

	@Test
	void readsStringsAndNormalisesThem() {
		assertThat(json.readValue("{\"text\": \"Cafe\\u0301\"}", Body.class).text()).isEqualTo("Café");
	}

	@Test
	void refusesANumberOrBooleanForAStringAlsoFromATree() {
		for (String body : new String[] { "{\"text\": 5}", "{\"text\": true}", "{\"text\": 1.5}" }) {
			assertThatThrownBy(() -> json.readValue(body, Body.class)).as(body).isInstanceOf(DatabindException.class)
				.satisfies(e -> assertThat(StrictJson.message((DatabindException) e)).isEqualTo("must be a string"));
			assertThatThrownBy(() -> json.convertValue(json.readTree(body), Body.class)).as("PATCH bodies bind from a tree")
				.isInstanceOf(DatabindException.class);
		}
	}

	@Test
	void refusesAStringForABoolean() {
		assertThatThrownBy(() -> json.readValue("{\"flag\": \"true\"}", Body.class)).isInstanceOf(DatabindException.class);
	}
}
