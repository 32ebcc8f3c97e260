package app.mosaic.user.graph.web;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.micrometer.core.annotation.Timed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.mosaic.platform.security.Caller;
import app.mosaic.platform.web.ApiProblem;
import app.mosaic.user.graph.Graph;
import app.mosaic.user.graph.GraphManagement;
import app.mosaic.user.graph.Relation;
import app.mosaic.user.profile.Profile;
import app.mosaic.user.profile.web.ProfileViews;

/** Follow, requests, block and mute, and the lists of followers, following, requests and blocked accounts. */
@RestController
@RequestMapping("/api/v1/users")
@Validated
@Timed("mosaic.graph")
class GraphController {

	private final GraphManagement management;
	private final Graph graph;
	private final ProfileViews views;

	GraphController(GraphManagement management, Graph graph, ProfileViews views) {
		this.management = management;
		this.graph = graph;
		this.views = views;
	}

	@PostMapping("/{username}/follow")
	FollowView follow(Caller caller, @PathVariable String username) {
		return new FollowView(management.follow(caller.id(), username).name());
	}

	@DeleteMapping("/{username}/follow")
	ResponseEntity<Void> unfollow(Caller caller, @PathVariable String username) {
		return done(() -> management.unfollow(caller.id(), username));
	}

	@PostMapping("/me/follow-requests/{username}/approve")
	ResponseEntity<Void> approve(Caller caller, @PathVariable String username) {
		return done(() -> management.approve(caller.id(), username));
	}

	@PostMapping("/me/follow-requests/{username}/decline")
	ResponseEntity<Void> decline(Caller caller, @PathVariable String username) {
		return done(() -> management.decline(caller.id(), username));
	}

	@DeleteMapping("/me/followers/{username}")
	ResponseEntity<Void> removeFollower(Caller caller, @PathVariable String username) {
		return done(() -> management.removeFollower(caller.id(), username));
	}

	@PostMapping("/{username}/block")
	ResponseEntity<Void> block(Caller caller, @PathVariable String username) {
		return done(() -> management.block(caller.id(), username));
	}

	@DeleteMapping("/{username}/block")
	ResponseEntity<Void> unblock(Caller caller, @PathVariable String username) {
		return done(() -> management.unblock(caller.id(), username));
	}

	@PostMapping("/{username}/mute")
	ResponseEntity<Void> mute(Caller caller, @PathVariable String username) {
		return done(() -> management.mute(caller.id(), username));
	}

	@DeleteMapping("/{username}/mute")
	ResponseEntity<Void> unmute(Caller caller, @PathVariable String username) {
		return done(() -> management.unmute(caller.id(), username));
	}

	@GetMapping("/{username}/followers")
	Page followers(Caller caller, @PathVariable String username, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(50) int limit) {
		Profile target = listable(caller.id(), username);
		return page(limit, before -> graph.followers(target.id(), Graph.FollowState.FOLLOWING, caller.id(), before, limit + 1),
				cursor);
	}

	@GetMapping("/{username}/following")
	Page following(Caller caller, @PathVariable String username, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(50) int limit) {
		Profile target = listable(caller.id(), username);
		return page(limit, before -> graph.following(target.id(), caller.id(), before, limit + 1), cursor);
	}

	@GetMapping("/me/follow-requests")
	Page requests(Caller caller, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(50) int limit) {
		return page(limit, before -> graph.followers(caller.id(), Graph.FollowState.REQUESTED, caller.id(), before, limit + 1),
				cursor);
	}

	@GetMapping("/me/blocked")
	Page blocked(Caller caller, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(50) int limit) {
		return page(limit, before -> graph.blocked(caller.id(), before, limit + 1), cursor);
	}

	/** 204: these changes answer nothing but success, also when repeated. */
	private static ResponseEntity<Void> done(Runnable change) {
		change.run();
		return ResponseEntity.noContent().build();
	}

	/** A private account's lists are for its owner and its followers only; to anyone else they do not exist. */
	private Profile listable(UUID viewer, String username) {
		Profile target = management.visible(viewer, username, true);
		if (target.isPrivate() && !target.id().equals(viewer)) {
			Relation relation = graph.relation(viewer, target.id());
			if (!relation.following()) {
				throw ApiProblem.notFound("No such user.");
			}
		}
		return target;
	}

	private Page page(int limit, Function<Long, List<Graph.Listed>> query, String cursor) {
		List<Graph.Listed> rows = query.apply(cursor(cursor));
		boolean more = rows.size() > limit;
		List<Graph.Listed> shown = more ? rows.subList(0, limit) : rows;
		return new Page(shown.stream().map(l -> views.summary(l.profile())).toList(),
				more ? Long.toString(shown.get(shown.size() - 1).seq()) : null);
	}

	private static long cursor(String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return Long.MAX_VALUE;
		}
		try {
			return Long.parseLong(cursor);
		}
		catch (NumberFormatException e) {
			throw ApiProblem.badRequest("cursor is not valid; use the nextCursor of the previous page.");
		}
	}

	record FollowView(String state) {
	}

	record Page(List<ProfileViews.UserSummary> items, String nextCursor) {
	}
}
