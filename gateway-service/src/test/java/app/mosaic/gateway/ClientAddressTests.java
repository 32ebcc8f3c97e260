package app.mosaic.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

class ClientAddressTests {

	private final ClientAddress behindIngress = new ClientAddress(List.of("10.0.0.0/8", " "));
	private final ClientAddress direct = new ClientAddress(List.of());

	@Test
	void believesForwardedForOnlyFromATrustedProxy() {
		assertThat(behindIngress.of(peer("10.1.2.3"), List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
		assertThat(behindIngress.of(peer("198.51.100.4"), List.of("203.0.113.9"))).as("spoofed by a client").isEqualTo("198.51.100.4");
		assertThat(direct.of(peer("10.1.2.3"), List.of("203.0.113.9"))).as("no proxies configured").isEqualTo("10.1.2.3");
	}

	@Test
	void takesTheRightmostAddressThatIsNotAProxy() {
		// the client wrote "1.1.1.1" itself; the ingress appended the address it really saw
		assertThat(behindIngress.of(peer("10.0.0.2"), List.of("1.1.1.1, 203.0.113.9, 10.0.0.7"))).isEqualTo("203.0.113.9");
	}

	@Test
	void fallsBackToThePeerForGarbledChains() {
		assertThat(behindIngress.of(peer("10.0.0.2"), List.of("evil.example.com"))).isEqualTo("10.0.0.2");
		assertThat(behindIngress.of(peer("10.0.0.2"), List.of(""))).isEqualTo("10.0.0.2");
		assertThat(behindIngress.of(peer("10.0.0.2"), null)).isEqualTo("10.0.0.2");
	}

	private static InetSocketAddress peer(String address) {
		return new InetSocketAddress(address, 40000);
	}
}
