package app.mosaic.system;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.mosaic.testkit.HttpApi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox's promise, with the real broker: registering while Kafka is down still succeeds, and the
 * profile appears once Kafka is back, because the stored UserRegistered is sent again.
 */
class KafkaOutageIT {

	@Test
	void registrationDuringAKafkaOutageReachesTheProfileOnceKafkaIsBack() {
		HttpApi api = Platform.gateway();
		String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		String username = "k_" + id;
		Platform.mosaic(120, "stop", "kafka");
		String token;
		try {
			HttpApi.Response registered = api.post("/api/v1/auth/register")
				.json(Map.of("username", username, "email", "k" + id + "@example.com", "password", "pass-" + id))
				.send();
			assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
			token = api.post("/api/v1/auth/token").json(Map.of("login", username, "password", "pass-" + id)).send()
				.json().path("accessToken").asString();
			assertThat(api.get("/api/v1/users/me").bearer(token).send().status()).isEqualTo(404);
			// longer than the producer's own delivery timeout (10 s): only the outbox can deliver it now
			Thread.sleep(15_000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		finally {
			Platform.mosaic(180, "start", "kafka");
		}
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
			HttpApi.Response me = api.get("/api/v1/users/me").bearer(token).send();
			assertThat(me.status()).isEqualTo(200);
			assertThat(me.json().path("username").asString()).isEqualTo(username);
		});
	}
}
