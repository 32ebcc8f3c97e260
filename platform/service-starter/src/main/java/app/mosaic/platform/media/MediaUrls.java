package app.mosaic.platform.media;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring URLs for media variants: {@code /api/v1/media/{id}/{variant}?exp=…&sig=…}, where the
 * signature is an HMAC-SHA256 over id, variant and expiry. They work in an {@code <img src>} without a
 * token and cannot be guessed, enumerated or extended.
 */
public class MediaUrls {

	private static final String ALGORITHM = "HmacSHA256";

	private final MediaUrlProperties properties;
	/** Keyed once; every signature works on a clone (a list of posts signs many URLs). */
	private final Mac keyed;
	private final Clock clock;

	public MediaUrls(MediaUrlProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		try {
			keyed = Mac.getInstance(ALGORITHM);
			keyed.init(new SecretKeySpec(properties.signingKey().getBytes(StandardCharsets.UTF_8), ALGORITHM));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A URL valid for at least the configured lifetime, identical for every call within one granularity step. */
	public String variantUrl(long mediaId, String variant) {
		long step = properties.granularity().toSeconds();
		long earliest = clock.instant().plus(properties.lifetime()).getEpochSecond();
		long expiry = (earliest + step - 1) / step * step;
		return variantUrl(mediaId, variant, Instant.ofEpochSecond(expiry));
	}

	public String variantUrl(long mediaId, String variant, Instant expiry) {
		long exp = expiry.getEpochSecond();
		return properties.baseUrl() + "/api/v1/media/" + mediaId + "/" + variant + "?exp=" + exp + "&sig="
				+ signature(mediaId, variant, exp);
	}

	/**
	 * Whether the signature is genuine, the expiry not passed, and the expiry no further ahead than a URL this
	 * class hands out (so even a leaked key cannot mint a link for years); compares in constant time.
	 */
	public boolean isValid(long mediaId, String variant, long expiry, String signature) {
		long now = clock.instant().getEpochSecond();
		long latest = now + properties.lifetime().toSeconds() + properties.granularity().toSeconds();
		if (signature == null || expiry < now || expiry > latest) {
			return false;
		}
		return MessageDigest.isEqual(signature(mediaId, variant, expiry).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
	}

	private String signature(long mediaId, String variant, long expiry) {
		try {
			Mac mac = (Mac) keyed.clone();
			byte[] digest = mac.doFinal((mediaId + "/" + variant + "/" + expiry).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (CloneNotSupportedException e) {
			throw new IllegalStateException("The JDK's HmacSHA256 can be cloned", e);
		}
	}
}
