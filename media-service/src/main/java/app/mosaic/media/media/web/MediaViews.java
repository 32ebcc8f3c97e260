package app.mosaic.media.media.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.mosaic.media.image.Variant;
import app.mosaic.media.media.Media;
import app.mosaic.platform.media.MediaUrls;

/** Media as clients see them, with freshly signed variant URLs. */
@Component
class MediaViews {

	private final MediaUrls urls;

	MediaViews(MediaUrls urls) {
		this.urls = urls;
	}

	MediaView of(Media media) {
		return new MediaView(Long.toString(media.id()), "IMAGE", media.width(), media.height(), media.blurhash(),
				variants(media), media.createdAt());
	}

	InternalMediaView internal(Media media) {
		return new InternalMediaView(Long.toString(media.id()), media.ownerId(), media.state().name(), media.attachedTo(),
				"IMAGE", media.width(), media.height(), media.blurhash(), variants(media));
	}

	private Map<String, VariantView> variants(Media media) {
		Map<String, VariantView> views = new LinkedHashMap<>();
		for (Variant variant : Variant.values()) {
			media.variant(variant, "jpeg").ifPresent(jpeg -> views.put(variant.key(),
					new VariantView(urls.variantUrl(media.id(), variant.key()), jpeg.width(), jpeg.height(),
							media.variant(variant, "webp").map(w -> urls.variantUrl(media.id(), variant.key() + ".webp"))
								.orElse(null))));
		}
		return views;
	}

	record MediaView(String id, String type, int width, int height, String blurhash, Map<String, VariantView> variants,
			Instant createdAt) {
	}

	/** For other services: also who owns it and what it is attached to. */
	record InternalMediaView(String id, UUID ownerId, String state, String attachedTo, String type, int width, int height,
			String blurhash, Map<String, VariantView> variants) {
	}

	/** @param url progressive JPEG @param webpUrl the same picture as WebP, smaller, when stored */
	record VariantView(String url, int width, int height, String webpUrl) {
	}
}
