package app.mosaic.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The request path's cost: the same profile read ({@code GET /api/v1/users/{username}}) sent straight to
 * user-service and through the gateway, at a fixed arrival rate (open loop: a slow answer never slows the
 * arrivals, so latency under load is not hidden), step by step up the rates. Each step's served throughput,
 * p50 and p99 are printed with the gateway/direct ratios, and written to target/load/gateway-vs-direct.md.
 *
 * <pre>
 * ./mvnw -Pload -pl load-tests gatling:test -Drates=100,200,400,800 -Dstep=20
 * </pre>
 */
public class GatewayVsDirectSimulation extends Simulation {

	static final String GATEWAY = System.getProperty("gateway", "http://127.0.0.1:8080");
	static final String DIRECT = System.getProperty("direct", "http://127.0.0.1:8082");
	static final int PEOPLE = Integer.getInteger("people", 150);
	static final int[] RATES = Steps.rates("rates", "100,200,400,800");
	static final int STEP_SECONDS = Integer.getInteger("step", 20);
	static final int WARMUP_SECONDS = Integer.getInteger("warmup", 20);
	static final int REST_SECONDS = Integer.getInteger("rest", 20);

	private final List<People.Person> people = People.signUp(GATEWAY, PEOPLE);
	private final Steps steps = new Steps();
	private final AtomicLong next = new AtomicLong();

	{
		HttpProtocolBuilder protocol = http.shareConnections().maxConnectionsPerHost(64).acceptHeader("application/json");
		List<PopulationBuilder> sequence = new ArrayList<>();
		for (String target : List.of("direct", "gateway")) {
			sequence.add(Steps.rest(target, REST_SECONDS));
			sequence.add(read(target, "warmup-" + target).injectOpen(constantUsersPerSec(RATES[0]).during(WARMUP_SECONDS)));
			for (int rate : RATES) {
				sequence.add(read(target, target + "@" + rate).injectOpen(constantUsersPerSec(rate).during(STEP_SECONDS)));
			}
		}
		setUp(Steps.inSequence(sequence)).protocols(protocol);
	}

	/** One profile read per arriving user, as a random person reading another's profile. */
	private ScenarioBuilder read(String target, String step) {
		String base = target.equals("direct") ? DIRECT : GATEWAY;
		Iterator<Map<String, Object>> feeder = Stream.generate(() -> {
			long n = next.getAndIncrement();
			People.Person reader = people.get((int) (n % people.size()));
			People.Person read = people.get((int) ((n * 7 + 1) % people.size()));
			return Map.<String, Object>of("token", reader.token(), "username", read.username());
		}).iterator();
		return steps.timed(step, feeder, exec(http(step).get(base + "/api/v1/users/#{username}")
			.header("Authorization", "Bearer #{token}").check(status().is(200))));
	}

	@Override
	public void after() {
		StringBuilder report = new StringBuilder();
		report.append("| rate (req/s) | direct served | direct p50 | direct p99 | errors | gateway served | gateway p50 | gateway p99 | errors |\n");
		report.append("|---|---|---|---|---|---|---|---|---|\n");
		for (int rate : RATES) {
			report.append("| %d | %s | %s |\n".formatted(rate, steps.get("direct@" + rate).cells(), steps.get("gateway@" + rate).cells()));
		}
		int directCapacity = steps.capacity("direct", RATES);
		int gatewayCapacity = steps.capacity("gateway", RATES);
		Steps.Step directLow = steps.get("direct@" + RATES[0]);
		Steps.Step gatewayLow = steps.get("gateway@" + RATES[0]);
		report.append("\nSustained (served >= %.0f %% of the offered rate, no errors): direct %d req/s, gateway %d req/s; ratio %.2f (target >= 0.60)\n"
			.formatted(Steps.SUSTAINED * 100, directCapacity, gatewayCapacity, directCapacity == 0 ? 0.0 : (double) gatewayCapacity / directCapacity));
		report.append("p50 at %d req/s: direct %d ms, gateway %d ms; ratio %.2f (target <= 1.5)\n".formatted(RATES[0],
				directLow.percentile(50), gatewayLow.percentile(50),
				directLow.percentile(50) <= 0 ? 0.0 : (double) gatewayLow.percentile(50) / directLow.percentile(50)));
		Steps.write("gateway-vs-direct.md", report.toString());
	}
}
