package app.mosaic.platform.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class MediaUrlsTests {

	private static final Instant NOW = Instant.parse("2026-11-21T10:20:00Z");
	private final MediaUrls urls = new MediaUrls(
			new MediaUrlProperties("https://mosaic.example/", "a-signing-key-of-at-least-32-characters", Duration.ofHours(6),
					Duration.ofHours(1)),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void signsUrlsThatVerifyAndStayIdenticalWithinAStep() {
		String url = urls.variantUrl(42, "large");

		assertThat(url).startsWith("https://mosaic.example/api/v1/media/42/large?exp=");
		assertThat(url).isEqualTo(urls.variantUrl(42, "large"));
		assertThat(exp(url)).isEqualTo(Instant.parse("2026-11-21T17:00:00Z").getEpochSecond());
		assertThat(urls.isValid(42, "large", exp(url), sig(url))).isTrue();
	}

	@Test
	void refusesOtherMediaVariantsExpiriesAndSignatures() {
		String url = urls.variantUrl(42, "large");
		assertThat(urls.isValid(43, "large", exp(url), sig(url))).isFalse();
		assertThat(urls.isValid(42, "large.webp", exp(url), sig(url))).isFalse();
		assertThat(urls.isValid(42, "large", exp(url) + 3600, sig(url))).isFalse();
		assertThat(urls.isValid(42, "large", exp(url), sig(url).substring(1) + "A")).isFalse();
		assertThat(urls.isValid(42, "large", exp(url), null)).isFalse();
		String expired = urls.variantUrl(42, "large", NOW.minusSeconds(1));
		assertThat(urls.isValid(42, "large", exp(expired), sig(expired))).isFalse();
	}

	@Test
	void refusesGenuineSignaturesWhoseExpiryIsFurtherAheadThanAnyUrlItHandsOut() {
		// signed with the right key, valid until 2100: what a leaked or default key would let anyone mint
		String forever = urls.variantUrl(42, "large", Instant.parse("2100-01-01T00:00:00Z"));
		assertThat(urls.isValid(42, "large", exp(forever), sig(forever))).isFalse();
		String justBeyond = urls.variantUrl(42, "large", NOW.plus(Duration.ofHours(7)).plusSeconds(1));
		assertThat(urls.isValid(42, "large", exp(justBeyond), sig(justBeyond))).isFalse();
		String latestHandedOut = urls.variantUrl(42, "large", NOW.plus(Duration.ofHours(7)));
		assertThat(urls.isValid(42, "large", exp(latestHandedOut), sig(latestHandedOut))).isTrue();
	}

	@Test
	void refusesToStartWithoutAKeyNamingTheVariableToSet() {
		assertThatThrownBy(() -> new MediaUrlProperties("https://mosaic.example", "", null, null))
			.hasMessageContaining("MEDIA_URL_SIGNING_KEY");
		assertThatThrownBy(() -> new MediaUrlProperties("https://mosaic.example", "too-short", null, null))
			.hasMessageContaining("at least 32 characters");
	}

	private static long exp(String url) {
		return Long.parseLong(URI.create(url).getQuery().replaceAll(".*exp=(\\d+).*", "$1"));
	}

	private static String sig(String url) {
		return URI.create(url).getQuery().replaceAll(".*sig=([^&]+).*", "$1");
	}
}
