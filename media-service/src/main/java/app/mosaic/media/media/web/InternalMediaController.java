package app.mosaic.media.media.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.mosaic.media.media.Media;
import app.mosaic.media.media.MediaManagement;
import app.mosaic.media.media.MediaRepository;

/**
 * For post-service and user-service (service tokens only): check media, and attach them to a post or profile
 * or detach them. Not routed by the gateway.
 */
@RestController
@RequestMapping("/internal/media")
class InternalMediaController {

	private static final String TARGET = "^[a-z]+:[A-Za-z0-9-]{1,64}$";

	private final MediaManagement management;
	private final MediaRepository repository;
	private final MediaViews views;

	InternalMediaController(MediaManagement management, MediaRepository repository, MediaViews views) {
		this.management = management;
		this.repository = repository;
		this.views = views;
	}

	/** All or nothing: 404 when one does not exist or is not the owner's, 409 when one is used elsewhere. */
	@PostMapping("/attach")
	Items attach(@Valid @RequestBody AttachRequest request) {
		return new Items(management.attach(request.ownerId(), ids(request.mediaIds()), request.target()).stream()
			.map(views::internal).toList());
	}

	@PostMapping("/detach")
	Detached detach(@Valid @RequestBody DetachRequest request) {
		return new Detached(management.detach(ids(request.mediaIds()), request.target()));
	}

	/** The media that exist, in any state but deleting; missing ids are left out. */
	@PostMapping("/lookup")
	Items lookup(@Valid @RequestBody LookupRequest request) {
		return new Items(repository.findAll(ids(request.mediaIds())).stream()
			.filter(m -> m.state() != Media.State.DELETING)
			.map(views::internal).toList());
	}

	private static List<Long> ids(List<String> ids) {
		return ids.stream().map(MediaController::parse).toList();
	}

	record AttachRequest(@NotNull UUID ownerId, @NotNull @Pattern(regexp = TARGET) String target,
			@NotEmpty @Size(max = 10) List<@NotNull String> mediaIds) {
	}

	record DetachRequest(@NotNull @Pattern(regexp = TARGET) String target, @NotEmpty @Size(max = 10) List<@NotNull String> mediaIds) {
	}

	record LookupRequest(@NotEmpty @Size(max = 100) List<@NotNull String> mediaIds) {
	}

	record Items(List<MediaViews.InternalMediaView> items) {
	}

	record Detached(int detached) {
	}
}
