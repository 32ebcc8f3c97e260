package app.mosaic.user.graph.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.mosaic.user.graph.Graph;
import app.mosaic.user.graph.Relation;

/** For services that must check visibility fresh: the viewer's relation to many users in one query. */
@RestController
@RequestMapping("/internal/users")
class InternalRelationsController {

	private final Graph graph;

	InternalRelationsController(Graph graph) {
		this.graph = graph;
	}

	/** Users that do not exist are left out of the answer. */
	@PostMapping("/relations")
	Relations relations(@Valid @RequestBody RelationsRequest request) {
		return new Relations(request.viewerId(), graph.relations(request.viewerId(), request.userIds()));
	}

	record RelationsRequest(@NotNull UUID viewerId, @NotEmpty @Size(max = 500) List<@NotNull UUID> userIds) {
	}

	record Relations(UUID viewerId, List<Relation> items) {
	}
}
