package app.mosaic.user.graph.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.mosaic.platform.security.Caller;
import app.mosaic.platform.web.Page;
import app.mosaic.platform.web.PageRequest;
import app.mosaic.user.graph.Graph;
import app.mosaic.user.graph.GraphManagement;
import app.mosaic.user.profile.Profile;
import app.mosaic.user.profile.web.ProfileViews;

/** Follow, requests, block and mute, and the lists of followers, following, requests and blocked accounts. */
@RestController
@RequestMapping("/api/v1/users")
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
	Page<ProfileViews.UserSummary> followers(Caller caller, @PathVariable String username, PageRequest page) {
		Profile target = management.listable(caller.id(), username);
		return page(graph.followers(target.id(), Graph.FollowState.FOLLOWING, caller.id(), page.before(), page.fetch()), page);
	}

	@GetMapping("/{username}/following")
	Page<ProfileViews.UserSummary> following(Caller caller, @PathVariable String username, PageRequest page) {
		Profile target = management.listable(caller.id(), username);
		return page(graph.following(target.id(), caller.id(), page.before(), page.fetch()), page);
	}

	@GetMapping("/me/follow-requests")
	Page<ProfileViews.UserSummary> requests(Caller caller, PageRequest page) {
		return page(graph.followers(caller.id(), Graph.FollowState.REQUESTED, caller.id(), page.before(), page.fetch()), page);
	}

	@GetMapping("/me/blocked")
	Page<ProfileViews.UserSummary> blocked(Caller caller, PageRequest page) {
		return page(graph.blocked(caller.id(), page.before(), page.fetch()), page);
	}

	/** 204: these changes answer nothing but success, also when repeated. */
	private static ResponseEntity<Void> done(Runnable change) {
		change.run();
		return ResponseEntity.noContent().build();
	}

	private Page<ProfileViews.UserSummary> page(List<Graph.Listed> rows, PageRequest page) {
		return page.page(rows, l -> views.summary(l.profile()), Graph.Listed::seq);
	}

	record FollowView(String state) {
	}
}
