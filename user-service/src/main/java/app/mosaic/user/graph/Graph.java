package app.mosaic.user.graph;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.mosaic.user.profile.Profile;
import app.mosaic.user.profile.Profiles;

/** Follow, block and mute rows. Inserts are no-ops when the row exists, so repeated calls change nothing. */
@Repository
public class Graph {

	public enum FollowState {
		FOLLOWING, REQUESTED
	}

	/** One edge of the follow graph. */
	public record Edge(UUID followerId, UUID followeeId, FollowState state) {
	}

	/** A person in a list, with the list's cursor position. */
	public record Listed(Profile profile, long seq) {
	}

	private static final String RELATION_COLUMNS = """
			EXISTS (SELECT 1 FROM follow f WHERE f.follower_id = :viewer AND f.followee_id = p.id AND f.state = 'FOLLOWING') AS following,
			EXISTS (SELECT 1 FROM follow f WHERE f.follower_id = :viewer AND f.followee_id = p.id AND f.state = 'REQUESTED') AS requested,
			EXISTS (SELECT 1 FROM follow f WHERE f.follower_id = p.id AND f.followee_id = :viewer AND f.state = 'FOLLOWING') AS followed_by,
			EXISTS (SELECT 1 FROM block b WHERE b.blocker_id = :viewer AND b.blocked_id = p.id) AS blocking,
			EXISTS (SELECT 1 FROM block b WHERE b.blocker_id = p.id AND b.blocked_id = :viewer) AS blocked_by,
			EXISTS (SELECT 1 FROM mute m WHERE m.muter_id = :viewer AND m.muted_id = p.id) AS muting""";

	/** A SQL condition on profile {@code p}: leaves out anyone in a block with {@code :viewer}, either way. */
	public static final String NOT_BLOCKED = """
			NOT EXISTS (SELECT 1 FROM block b WHERE (b.blocker_id = :viewer AND b.blocked_id = p.id)
			                                     OR (b.blocker_id = p.id AND b.blocked_id = :viewer))""";

	private final JdbcClient jdbc;

	Graph(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @return the state of the new edge, or empty when one already existed */
	Optional<FollowState> insertFollow(UUID follower, UUID followee, FollowState state, long seq, Instant at) {
		return jdbc.sql("""
				INSERT INTO follow (follower_id, followee_id, state, seq, created_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING RETURNING state""")
			.params(follower, followee, state.name(), seq, Timestamp.from(at))
			.query((rs, n) -> FollowState.valueOf(rs.getString(1))).optional();
	}

	Optional<FollowState> followState(UUID follower, UUID followee) {
		return jdbc.sql("SELECT state FROM follow WHERE follower_id = ? AND followee_id = ?").params(follower, followee)
			.query((rs, n) -> FollowState.valueOf(rs.getString(1))).optional();
	}

	/** @return the state the removed edge had, if there was one (and, when given, in that state) */
	Optional<FollowState> deleteFollow(UUID follower, UUID followee, FollowState onlyIn) {
		return jdbc.sql("""
				DELETE FROM follow WHERE follower_id = :follower AND followee_id = :followee
				  AND (CAST(:state AS text) IS NULL OR state = :state)
				RETURNING state""")
			.param("follower", follower).param("followee", followee).param("state", onlyIn == null ? null : onlyIn.name())
			.query((rs, n) -> FollowState.valueOf(rs.getString(1))).optional();
	}

	boolean approve(UUID follower, UUID followee) {
		return jdbc.sql("UPDATE follow SET state = 'FOLLOWING' WHERE follower_id = ? AND followee_id = ? AND state = 'REQUESTED'")
			.params(follower, followee).update() == 1;
	}

	/** Approves every pending request to {@code followee}. @return the requesters */
	List<UUID> approveAll(UUID followee) {
		return jdbc.sql("UPDATE follow SET state = 'FOLLOWING' WHERE followee_id = ? AND state = 'REQUESTED' RETURNING follower_id")
			.param(followee).query(UUID.class).list();
	}

	List<UUID> pendingRequesters(UUID followee) {
		return jdbc.sql("SELECT follower_id FROM follow WHERE followee_id = ? AND state = 'REQUESTED'").param(followee)
			.query(UUID.class).list();
	}

	/** Every edge touching {@code user}, removed. */
	List<Edge> deleteAllFollowsOf(UUID user) {
		return jdbc.sql("DELETE FROM follow WHERE follower_id = ? OR followee_id = ? RETURNING follower_id, followee_id, state")
			.params(user, user)
			.query((rs, n) -> new Edge(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), FollowState.valueOf(rs.getString(3))))
			.list();
	}

	List<UUID> neighbours(UUID user) {
		return jdbc.sql("""
				SELECT followee_id FROM follow WHERE follower_id = :u UNION SELECT follower_id FROM follow WHERE followee_id = :u""")
			.param("u", user).query(UUID.class).list();
	}

	boolean insertBlock(UUID blocker, UUID blocked, long seq, Instant at) {
		return jdbc.sql("INSERT INTO block (blocker_id, blocked_id, seq, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
			.params(blocker, blocked, seq, Timestamp.from(at)).update() == 1;
	}

	boolean deleteBlock(UUID blocker, UUID blocked) {
		return jdbc.sql("DELETE FROM block WHERE blocker_id = ? AND blocked_id = ?").params(blocker, blocked).update() == 1;
	}

	boolean insertMute(UUID muter, UUID muted, Instant at) {
		return jdbc.sql("INSERT INTO mute (muter_id, muted_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
			.params(muter, muted, Timestamp.from(at)).update() == 1;
	}

	boolean deleteMute(UUID muter, UUID muted) {
		return jdbc.sql("DELETE FROM mute WHERE muter_id = ? AND muted_id = ?").params(muter, muted).update() == 1;
	}

	void deleteBlocksAndMutesOf(UUID user) {
		jdbc.sql("DELETE FROM block WHERE blocker_id = :u OR blocked_id = :u").param("u", user).update();
		jdbc.sql("DELETE FROM mute WHERE muter_id = :u OR muted_id = :u").param("u", user).update();
	}

	/** The viewer's relation to each of the users, in one query; users that do not exist are left out. */
	public List<Relation> relations(UUID viewer, Collection<UUID> users) {
		if (users.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT p.id, " + RELATION_COLUMNS + " FROM profile p WHERE p.id IN (:users)")
			.param("viewer", viewer).param("users", users)
			.query((rs, n) -> relation(rs))
			.list();
	}

	/** A profile and how the viewer stands to it, in one query (the profile read's hot path). */
	public record Seen(Profile profile, Relation relation) {
	}

	public Optional<Seen> seenBy(UUID viewer, String username) {
		return jdbc.sql("SELECT p.*, " + RELATION_COLUMNS + " FROM profile p WHERE p.username = :username")
			.param("viewer", viewer).param("username", username)
			.query((rs, n) -> new Seen(Profiles.map(rs, n), relation(rs)))
			.optional();
	}

	public Relation relation(UUID viewer, UUID user) {
		return relations(viewer, List.of(user)).stream().findFirst().orElse(Relation.none(user));
	}

	/** Followers (or pending requesters) of {@code user}, newest first, without anyone in a block with the viewer. */
	public List<Listed> followers(UUID user, FollowState state, UUID viewer, long before, int limit) {
		return list("""
				SELECT p.*, f.seq FROM follow f JOIN profile p ON p.id = f.follower_id
				WHERE f.followee_id = :user AND f.state = :state AND f.seq < :before AND\s""" + NOT_BLOCKED + """
				 ORDER BY f.seq DESC LIMIT :limit""", user, state, viewer, before, limit);
	}

	public List<Listed> following(UUID user, UUID viewer, long before, int limit) {
		return list("""
				SELECT p.*, f.seq FROM follow f JOIN profile p ON p.id = f.followee_id
				WHERE f.follower_id = :user AND f.state = :state AND f.seq < :before AND\s""" + NOT_BLOCKED + """
				 ORDER BY f.seq DESC LIMIT :limit""", user, FollowState.FOLLOWING, viewer, before, limit);
	}

	public List<Listed> blocked(UUID blocker, long before, int limit) {
		return jdbc.sql("""
				SELECT p.*, b.seq FROM block b JOIN profile p ON p.id = b.blocked_id
				WHERE b.blocker_id = :blocker AND b.seq < :before ORDER BY b.seq DESC LIMIT :limit""")
			.param("blocker", blocker).param("before", before).param("limit", limit)
			.query((rs, n) -> new Listed(Profiles.map(rs, n), rs.getLong("seq"))).list();
	}

	private static Relation relation(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Relation(rs.getObject("id", UUID.class), rs.getBoolean("following"), rs.getBoolean("requested"),
				rs.getBoolean("followed_by"), rs.getBoolean("blocking"), rs.getBoolean("blocked_by"), rs.getBoolean("muting"));
	}

	private List<Listed> list(String sql, UUID user, FollowState state, UUID viewer, long before, int limit) {
		return jdbc.sql(sql).param("user", user).param("state", state.name()).param("viewer", viewer)
			.param("before", before).param("limit", limit)
			.query((rs, n) -> new Listed(Profiles.map(rs, n), rs.getLong("seq"))).list();
	}
}
