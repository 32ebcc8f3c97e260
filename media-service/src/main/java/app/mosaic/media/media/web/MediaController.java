package app.mosaic.media.media.web;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

import app.mosaic.media.config.MediaProperties;
import app.mosaic.media.image.Edits;
import app.mosaic.media.image.ImageRejected;
import app.mosaic.media.image.Variant;
import app.mosaic.media.media.Media;
import app.mosaic.media.media.MediaManagement;
import app.mosaic.media.media.MediaRepository;
import app.mosaic.media.storage.ObjectStore;
import app.mosaic.platform.media.MediaUrls;
import app.mosaic.platform.security.Caller;
import app.mosaic.platform.web.ApiProblem;
import app.mosaic.platform.web.Ids;
import app.mosaic.platform.web.StrictJson;

/** Upload, metadata, and the image bytes behind signed URLs. */
@RestController
@RequestMapping("/api/v1/media")
class MediaController {

	/** The bytes under one URL never change, so caches may keep them as long as they like. */
	private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private final MediaManagement management;
	private final MediaRepository repository;
	private final MediaViews views;
	private final MediaUrls urls;
	private final ObjectStore objects;
	private final MediaProperties properties;
	private final JsonMapper json;

	MediaController(MediaManagement management, MediaRepository repository, MediaViews views, MediaUrls urls,
			ObjectStore objects, MediaProperties properties, JsonMapper json) {
		this.management = management;
		this.repository = repository;
		this.views = views;
		this.urls = urls;
		this.objects = objects;
		this.properties = properties;
		this.json = json;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<MediaViews.MediaView> upload(Caller caller, @RequestPart("file") MultipartFile file,
			@RequestPart(value = "edit", required = false) String edit) throws IOException {
		Edits edits = edits(edit);
		Media media = management.upload(caller.id(), file.getBytes(), edits);
		return ResponseEntity.created(URI.create("/api/v1/media/" + media.id())).body(views.of(media));
	}

	/** Only the owner reads metadata here; everyone else sees media through the post or profile that shows it. */
	@GetMapping("/{id}")
	MediaViews.MediaView get(Caller caller, @PathVariable String id) {
		return management.find(parse(id)).filter(m -> m.isOwnedBy(caller.id())).map(views::of)
			.orElseThrow(() -> ApiProblem.notFound("No such media."));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
		management.delete(caller.id(), parse(id));
		return ResponseEntity.noContent().build();
	}

	/**
	 * The bytes of one variant ({@code large}, or {@code large.webp}). No token: the signature in the URL is the
	 * permission, checked before anything is looked up, so ids cannot be probed.
	 */
	@GetMapping("/{id}/{variant}")
	ResponseEntity<?> variant(@PathVariable String id, @PathVariable String variant,
			@RequestParam(required = false) Long exp, @RequestParam(required = false) String sig,
			@RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
		long mediaId = parse(id);
		if (exp == null || !urls.isValid(mediaId, variant, exp, sig)) {
			throw ApiProblem.forbidden("This image link has expired or is not valid. Reload the page to get a fresh one.");
		}
		String[] nameAndFormat = variant.split("\\.", 2);
		String format = nameAndFormat.length == 2 ? nameAndFormat[1] : "jpeg";
		Media.StoredVariant stored = Variant.of(nameAndFormat[0])
			.flatMap(v -> repository.findReadyVariant(mediaId, v.key(), format))
			.orElseThrow(() -> ApiProblem.notFound("No such image."));
		String etag = "\"" + stored.etag() + "\"";
		if (matches(ifNoneMatch, etag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(IMMUTABLE).build();
		}
		String key = Media.objectKey(mediaId, stored.name(), format);
		if (properties.redirectToStorage()) {
			Duration left = Duration.between(Instant.now(), Instant.ofEpochSecond(exp));
			return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(objects.presignedGet(key, left))).build();
		}
		return ResponseEntity.ok()
			.contentType("webp".equals(format) ? MediaType.parseMediaType("image/webp") : MediaType.IMAGE_JPEG)
			.contentLength(stored.bytes())
			.eTag(etag)
			.cacheControl(IMMUTABLE)
			.body(new InputStreamResource(objects.get(key)));
	}

	private Edits edits(String edit) {
		if (edit == null || edit.isBlank()) {
			return Edits.NONE;
		}
		EditRequest request;
		try {
			request = json.readValue(edit, EditRequest.class);
		}
		catch (DatabindException e) {
			if (!e.getPath().isEmpty()) {
				throw ApiProblem.badRequest("edit." + StrictJson.field(e) + " " + StrictJson.message(e) + ".");
			}
			throw ApiProblem.badRequest("The edit part must be a JSON object such as {\"aspect\": \"4:5\", \"filter\": \"mono\"}.");
		}
		catch (JacksonException e) {
			throw ApiProblem.badRequest("The edit part must be a JSON object such as {\"aspect\": \"4:5\", \"filter\": \"mono\"}.");
		}
		if (request == null) {
			return Edits.NONE; // "edit": null asks for no edit
		}
		try {
			return request.toEdits();
		}
		catch (ImageRejected e) {
			throw ApiProblem.badRequest("edit: " + e.getMessage());
		}
	}

	private static boolean matches(String ifNoneMatch, String etag) {
		return ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(","))
			.map(String::trim)
			.map(t -> t.startsWith("W/") ? t.substring(2) : t)
			.anyMatch(t -> t.equals(etag) || t.equals("*"));
	}

	static long parse(String id) {
		return Ids.inPath(id, "media");
	}

	/** The optional {@code edit} part of an upload. */
	record EditRequest(String aspect, CropRequest crop, Integer rotate, Integer brightness, Integer contrast,
			Integer saturation, String filter) {

		Edits toEdits() {
			return new Edits(aspect == null ? null : Edits.Aspect.of(aspect),
					crop == null ? null : crop.toCrop(), orZero(rotate), orZero(brightness), orZero(contrast),
					orZero(saturation), filter == null ? null : Edits.Filter.of(filter));
		}

		private static int orZero(Integer value) {
			return value == null ? 0 : value;
		}
	}

	record CropRequest(Integer x, Integer y, Integer width, Integer height) {

		Edits.Crop toCrop() {
			if (x == null || y == null || width == null || height == null) {
				throw new ImageRejected(ImageRejected.Reason.INVALID, "crop needs x, y, width and height.");
			}
			return new Edits.Crop(x, y, width, height);
		}
	}
}
