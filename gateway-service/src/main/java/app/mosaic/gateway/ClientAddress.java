package app.mosaic.gateway;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The address a request came from, for per-address limits. Behind an ingress every request arrives from the
 * ingress: then, and only then, {@code X-Forwarded-For} is read, right to left, skipping the configured
 * trusted proxies. A client that is not a trusted proxy cannot choose its address by sending the header.
 */
final class ClientAddress {

	private final List<Range> trusted;

	ClientAddress(List<String> trustedProxies) {
		this.trusted = trustedProxies == null ? List.of()
				: trustedProxies.stream().filter(p -> !p.isBlank()).map(p -> Range.parse(p.strip())).toList();
	}

	String of(InetSocketAddress remote, List<String> forwardedFor) {
		if (remote == null || remote.getAddress() == null) {
			return "unknown";
		}
		String peer = remote.getAddress().getHostAddress();
		if (!isTrusted(peer) || forwardedFor == null) {
			return peer;
		}
		List<String> hops = forwardedFor.stream().flatMap(h -> java.util.Arrays.stream(h.split(","))).map(String::strip)
			.filter(h -> !h.isEmpty()).toList();
		for (int i = hops.size() - 1; i >= 0; i--) {
			String hop = hops.get(i);
			if (!isAddress(hop)) {
				return peer; // a forged or garbled chain: fall back to what the socket says
			}
			if (!isTrusted(hop)) {
				return hop;
			}
		}
		return peer;
	}

	private boolean isTrusted(String address) {
		try {
			byte[] bytes = InetAddress.getByName(address).getAddress();
			return trusted.stream().anyMatch(range -> range.contains(bytes));
		}
		catch (UnknownHostException e) {
			return false;
		}
	}

	/** An address or CIDR range, such as {@code 10.0.0.0/8}. */
	private record Range(byte[] network, int prefix) {

		static Range parse(String cidr) {
			String[] parts = cidr.split("/", 2);
			try {
				byte[] network = InetAddress.getByName(parts[0]).getAddress();
				return new Range(network, parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8);
			}
			catch (UnknownHostException | NumberFormatException e) {
				throw new IllegalArgumentException("mosaic.gateway.trusted-proxies: not an address or CIDR range: " + cidr);
			}
		}

		boolean contains(byte[] address) {
			if (address.length != network.length) {
				return false;
			}
			for (int bit = 0; bit < prefix; bit++) {
				int mask = 0x80 >> (bit % 8);
				if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}
	}

	private static boolean isAddress(String hop) {
		if (!hop.matches("[0-9a-fA-F:.]+")) {
			return false; // never a host name: no look-up is ever made
		}
		try {
			InetAddress.getByName(hop);
			return true;
		}
		catch (UnknownHostException e) {
			return false;
		}
	}
}
