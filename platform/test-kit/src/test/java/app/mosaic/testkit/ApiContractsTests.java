package app.mosaic.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What openapi-diff calls incompatible, on a small API: the gate ServiceBaselineTests puts on every service's document. */
class ApiContractsTests {

	private static final String API = """
			{"openapi":"3.1.0","info":{"title":"t","version":"v1"},"paths":{"/api/v1/things/{id}":{"get":{
			 "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],
			 "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}}}}},
			 "/api/v1/things":{"post":{"requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/NewThing"}}}},
			 "responses":{"201":{"description":"made"}}}}},
			 "components":{"schemas":{"Thing":{"type":"object","properties":{"id":{"type":"string"},"likes":{"type":"integer"}}},
			 "NewThing":{"type":"object","required":["name"],"properties":{"name":{"type":"string"},"note":{"type":"string"}}}}}}""";

	@Test
	void additionsAreCompatible() {
		String added = API.replace("\"likes\":{\"type\":\"integer\"}", "\"likes\":{\"type\":\"integer\"},\"saved\":{\"type\":\"boolean\"}")
			.replace("\"paths\":{", "\"paths\":{\"/api/v1/other\":{\"get\":{\"responses\":{\"200\":{\"description\":\"ok\"}}}},");
		assertThat(ApiContracts.incompatibilities(API, added)).isNull();
	}

	@Test
	void aRemovedFieldANarrowedTypeANewRequiredFieldOrARemovedOperationAreNot() {
		assertThat(ApiContracts.incompatibilities(API, API.replace(",\"likes\":{\"type\":\"integer\"}", ""))).as("a removed response field").isNotNull();
		assertThat(ApiContracts.incompatibilities(API, API.replace("\"id\":{\"type\":\"string\"},\"likes\"", "\"id\":{\"type\":\"integer\"},\"likes\"")))
			.as("a changed type").isNotNull();
		assertThat(ApiContracts.incompatibilities(API, API.replace("\"required\":[\"name\"]", "\"required\":[\"name\",\"note\"]")))
			.as("a new required request field").isNotNull();
		assertThat(ApiContracts.incompatibilities(API, API.replace("\"post\":", "\"put\":"))).as("a removed operation").isNotNull();
	}

	@Test
	void aServicesOwnBaselineIsCompatibleWithItselfAndLosingANestedFieldIsCaught() throws java.io.IOException {
		String post = java.nio.file.Files.readString(ApiContracts.contractsDirectory().resolve("baselines/openapi/post-service.json"));
		assertThat(ApiContracts.incompatibilities(post, post)).isNull();
		// a carousel item's blurhash, two references deep under every post a response carries
		String withoutBlurhash = post.replaceFirst("\"blurhash\"\\s*:\\s*\\{\\s*\"type\"\\s*:\\s*\"string\"\\s*},?", "");
		assertThat(withoutBlurhash).isNotEqualTo(post);
		assertThat(ApiContracts.incompatibilities(post, withoutBlurhash)).contains("Response fields removed").contains("GET /api/v1/posts/{id} 200 .media []: blurhash");
		String idAsNumber = post.replaceFirst("(\"PostView\"\\s*:\\s*\\{\\s*\"type\"\\s*:\\s*\"object\",\\s*\"properties\"\\s*:\\s*\\{\\s*\"id\"\\s*:\\s*\\{\\s*\"type\"\\s*:\\s*)\"string\"",
				"$1\"integer\"");
		assertThat(idAsNumber).isNotEqualTo(post);
		assertThat(ApiContracts.incompatibilities(post, idAsNumber)).as("a post id's type changed").isNotNull();
	}
}
