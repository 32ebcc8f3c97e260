package app.mosaic.user.graph;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.mosaic.platform.events.DomainEvents;
import app.mosaic.platform.ids.IdGenerator;
import app.mosaic.platform.web.ApiProblem;
import app.mosaic.user.graph.GraphEvents.RemovalReason;
import app.mosaic.user.profile.Profile;
import app.mosaic.user.profile.ProfileMadePublic;
import app.mosaic.user.profile.Profiles;

/**
 * Follows, follow requests, blocks and mutes. Each change locks the two profiles involved (in id order), writes
 * the edge, adjusts the counters and publishes its event in one transaction; repeating a change is a no-op.
 */
@Service
public class GraphManagement {

	private final Graph graph;
	private final Profiles profiles;
	private final DomainEvents events;
	private final IdGenerator ids;
	private final Clock clock;

	GraphManagement(Graph graph, Profiles profiles, DomainEvents events, IdGenerator ids, Clock clock) {
		this.graph = graph;
		this.profiles = profiles;
		this.events = events;
		this.ids = ids;
		this.clock = clock;
	}

	/** @return FOLLOWING, or REQUESTED for a private account (also when asked again) */
	@Transactional
	public Graph.FollowState follow(UUID viewer, String username) {
		Profile target = existing(username); // blocks are checked under the lock below
		if (target.id().equals(viewer)) {
			throw ApiProblem.badRequest("You cannot follow yourself.");
		}
		profiles.lock(List.of(viewer, target.id()));
		Relation relation = graph.relation(viewer, target.id());
		if (relation.blockedBy()) {
			throw notFound();
		}
		if (relation.blocking()) {
			throw ApiProblem.forbidden("You blocked this account. Unblock it to follow.");
		}
		Instant now = clock.instant();
		// re-read under the lock: the account may have just turned private or public
		boolean isPrivate = profiles.findById(target.id()).map(Profile::isPrivate).orElseThrow(GraphManagement::notFound);
		Graph.FollowState wanted = isPrivate ? Graph.FollowState.REQUESTED : Graph.FollowState.FOLLOWING;
		return graph.insertFollow(viewer, target.id(), wanted, ids.next(), now).map(created -> {
			if (created == Graph.FollowState.FOLLOWING) {
				profiles.countFollow(viewer, target.id(), 1);
				publish(viewer, new GraphEvents.FollowCreated(viewer, target.id(), now));
			}
			else {
				publish(viewer, new GraphEvents.FollowRequested(viewer, target.id(), now));
			}
			return created;
		}).orElseGet(() -> graph.followState(viewer, target.id()).orElseThrow());
	}

	/** Unfollows, or withdraws a pending request. Nothing to undo is fine. */
	@Transactional
	public void unfollow(UUID viewer, String username) {
		Profile target = visible(viewer, username).profile();
		profiles.lock(List.of(viewer, target.id()));
		graph.deleteFollow(viewer, target.id(), null)
			.ifPresent(state -> removed(viewer, target.id(), state, RemovalReason.UNFOLLOWED, clock.instant()));
	}

	@Transactional
	public void approve(UUID owner, String requester) {
		Profile follower = visible(owner, requester).profile();
		profiles.lock(List.of(owner, follower.id()));
		if (!graph.approve(follower.id(), owner)) {
			throw ApiProblem.notFound("There is no pending request from " + requester + ".");
		}
		approved(follower.id(), owner, clock.instant());
	}

	@Transactional
	public void decline(UUID owner, String requester) {
		Profile follower = visible(owner, requester).profile();
		profiles.lock(List.of(owner, follower.id()));
		if (graph.deleteFollow(follower.id(), owner, Graph.FollowState.REQUESTED).isEmpty()) {
			throw ApiProblem.notFound("There is no pending request from " + requester + ".");
		}
		publish(follower.id(), new GraphEvents.FollowRequestDeclined(follower.id(), owner, clock.instant()));
	}

	/** Removes someone from your followers; they are not told. */
	@Transactional
	public void removeFollower(UUID owner, String username) {
		Profile follower = visible(owner, username).profile();
		profiles.lock(List.of(owner, follower.id()));
		graph.deleteFollow(follower.id(), owner, Graph.FollowState.FOLLOWING)
			.ifPresent(state -> removed(follower.id(), owner, state, RemovalReason.REMOVED_BY_FOLLOWEE, clock.instant()));
	}

	/** Turning an account public lets everyone who asked in, inside the transaction of the profile change. */
	@EventListener
	public void approveAllRequests(ProfileMadePublic event) {
		UUID owner = event.profileId();
		List<UUID> requesters = graph.pendingRequesters(owner);
		if (requesters.isEmpty()) {
			return;
		}
		profiles.lock(concat(owner, requesters));
		Instant now = clock.instant();
		for (UUID follower : graph.approveAll(owner)) {
			approved(follower, owner, now);
		}
	}

	/** Blocking removes follows and requests both ways; they can no longer see or find each other. */
	@Transactional
	public void block(UUID viewer, String username) {
		// someone who blocked you does not exist for you: blocking them answers as for an unknown name
		Profile target = visible(viewer, username).profile();
		if (target.id().equals(viewer)) {
			throw ApiProblem.badRequest("You cannot block yourself.");
		}
		profiles.lock(List.of(viewer, target.id()));
		Instant now = clock.instant();
		if (!graph.insertBlock(viewer, target.id(), ids.next(), now)) {
			return;
		}
		graph.deleteFollow(viewer, target.id(), null)
			.ifPresent(state -> removed(viewer, target.id(), state, RemovalReason.BLOCKED, now));
		graph.deleteFollow(target.id(), viewer, null)
			.ifPresent(state -> removed(target.id(), viewer, state, RemovalReason.BLOCKED, now));
		publish(viewer, new GraphEvents.UserBlocked(viewer, target.id(), now));
	}

	@Transactional
	public void unblock(UUID viewer, String username) {
		Profile target = visible(viewer, username).profile();
		if (graph.deleteBlock(viewer, target.id())) {
			publish(viewer, new GraphEvents.UserUnblocked(viewer, target.id(), clock.instant()));
		}
	}

	/** Their posts leave your feed; they are not told. */
	@Transactional
	public void mute(UUID viewer, String username) {
		Profile target = visible(viewer, username).profile();
		if (target.id().equals(viewer)) {
			throw ApiProblem.badRequest("You cannot mute yourself.");
		}
		Instant now = clock.instant();
		if (graph.insertMute(viewer, target.id(), now)) {
			publish(viewer, new GraphEvents.UserMuted(viewer, target.id(), now));
		}
	}

	@Transactional
	public void unmute(UUID viewer, String username) {
		Profile target = visible(viewer, username).profile();
		if (graph.deleteMute(viewer, target.id())) {
			publish(viewer, new GraphEvents.UserUnmuted(viewer, target.id(), clock.instant()));
		}
	}

	/**
	 * Erases a deleted account from the graph, publishing FollowRemoved for every follow (and the cancellation
	 * of every request) so counts and feeds elsewhere stay right. Runs inside the consumer's transaction.
	 */
	public void erase(UUID user) {
		profiles.lock(concat(user, graph.neighbours(user)));
		Instant now = clock.instant();
		for (Graph.Edge edge : graph.deleteAllFollowsOf(user)) {
			removed(edge.followerId(), edge.followeeId(), edge.state(), RemovalReason.ACCOUNT_DELETED, now);
		}
		graph.deleteBlocksAndMutesOf(user);
	}

	/** A profile the viewer may see, with their relation: 404 when it does not exist or its owner blocked the viewer. */
	public Graph.Seen visible(UUID viewer, String username) {
		return graph.seenBy(viewer, username).filter(seen -> !seen.relation().blockedBy())
			.orElseThrow(GraphManagement::notFound);
	}

	/**
	 * Whose followers and following the viewer may list ({@code me} is the viewer): a private account's lists are
	 * for its owner and followers only; to anyone else they do not exist.
	 */
	public Profile listable(UUID viewer, String username) {
		if ("me".equals(username)) {
			return profiles.findById(viewer).orElseThrow(GraphManagement::notFound);
		}
		Graph.Seen seen = visible(viewer, username);
		Profile target = seen.profile();
		if (target.isPrivate() && !target.id().equals(viewer) && !seen.relation().following()) {
			throw notFound();
		}
		return target;
	}

	private Profile existing(String username) {
		return profiles.findByUsername(username).orElseThrow(GraphManagement::notFound);
	}

	private void removed(UUID follower, UUID followee, Graph.FollowState state, RemovalReason reason, Instant at) {
		if (state == Graph.FollowState.FOLLOWING) {
			profiles.countFollow(follower, followee, -1);
			publish(follower, new GraphEvents.FollowRemoved(follower, followee, reason, at));
		}
		else {
			publish(follower, new GraphEvents.FollowRequestCancelled(follower, followee, at));
		}
	}

	private void approved(UUID follower, UUID followee, Instant at) {
		profiles.countFollow(follower, followee, 1);
		publish(follower, new GraphEvents.FollowRequestApproved(follower, followee, at));
		publish(follower, new GraphEvents.FollowCreated(follower, followee, at));
	}

	private void publish(UUID actor, Object event) {
		events.publish(actor.toString(), event);
	}

	private static List<UUID> concat(UUID first, List<UUID> rest) {
		return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
	}

	static ApiProblem notFound() {
		return ApiProblem.notFound("No such user.");
	}
}
