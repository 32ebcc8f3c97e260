package app.mosaic.testkit;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every Mosaic service must do before it has any feature: report its probes, expose metrics and an
 * OpenAPI document, and answer failures as problem+json. A service's test extends it, annotated with
 * {@link MosaicServiceTest}.
 */
public abstract class ServiceBaselineTests {

	@Autowired
	protected HttpApi api;

	@Test
	void reportsLivenessAndReadiness() {
		assertThat(api.get("/actuator/health/liveness").send().json().path("status").asString()).isEqualTo("UP");
		HttpApi.Response readiness = api.get("/actuator/health/readiness").send();
		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.json().path("status").asString()).isEqualTo("UP");
	}

	@Test
	void exposesPrometheusMetrics() {
		HttpApi.Response metrics = api.get("/actuator/prometheus").send();
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("application=");
	}

	@Test
	void servesItsOpenApiDocument() {
		HttpApi.Response docs = api.get("/v3/api-docs").send();
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().path("openapi").asString()).startsWith("3.");
	}

	@Test
	void refusesRequestsWithoutATokenAsProblemJson() {
		HttpApi.Response response = api.get("/api/v1/anything").send();
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("status").asInt()).isEqualTo(401);
		assertThat(response.json().path("title").asString()).isEqualTo("Unauthorized");
		assertThat(response.json().path("type").asString()).endsWith("/unauthorized");
		assertThat(response.json().has("properties")).as("RFC 9457 keeps extra members at the top level").isFalse();
		assertThat(response.header("WWW-Authenticate")).contains("Bearer");
	}

	@Test
	void refusesTamperedAndExpiredTokens() {
		UUID user = UUID.randomUUID();
		assertThat(api.get("/api/v1/anything").bearer(TestJwts.signedByStranger(user, "mallory")).send().status())
			.isEqualTo(401);
		assertThat(api.get("/api/v1/anything").bearer(TestJwts.expired(user, "late")).send().status()).isEqualTo(401);
	}

	@Test
	void answersUnknownPathsWith404ProblemJson() {
		HttpApi.Response response = api.get("/api/v1/no-such-thing").bearer(TestJwts.forUser(UUID.randomUUID(), "ana")).send();
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("title").asString()).isNotBlank();
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at app.mosaic");
	}
}
