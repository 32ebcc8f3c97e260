package app.mosaic.user.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.mosaic.user.graph.Graph;
import app.mosaic.user.profile.Profile;
import app.mosaic.user.profile.Profiles;

/**
 * Finding people: by username or name, exact matches first, then prefixes, then near misses (trigram
 * similarity, for typos); and suggestions from the follow graph. Nobody in a block with the viewer appears.
 */
@Component
public class UserSearch {

	/** Fewer prefix matches than this, and the query is probably misspelled. */
	static final int FEW = 5;

	private final JdbcClient jdbc;

	UserSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Two steps (docs/benchmarks/social-graph.md): prefixes first, the most followed first, read from covering
	 * indexes alone (about 1 ms at 100 000 people); then, only when the spelling as typed finds just a few,
	 * near misses by trigram similarity (several ms: every shared trigram's posting list is read).
	 */
	public List<Profile> search(UUID viewer, String query, int limit) {
		String q = query.strip().toLowerCase(Locale.ROOT).replaceFirst("^@", "");
		if (q.isEmpty()) {
			return List.of();
		}
		// explicit ranges (not LIKE, which the planner may send to the trigram index) keep the scans index-only
		List<Profile> found = new ArrayList<>(jdbc.sql("""
				WITH candidate AS (
				  (SELECT id, 0 AS rank FROM profile WHERE username = :q)
				  UNION ALL
				  (SELECT id, 1 FROM profile WHERE username ~>=~ :from AND username ~<~ :to
				   ORDER BY follower_count DESC LIMIT :n)
				  UNION ALL
				  (SELECT id, 2 FROM profile WHERE lower(full_name) ~>=~ :from AND lower(full_name) ~<~ :to
				   ORDER BY follower_count DESC LIMIT :n))
				SELECT p.* FROM (SELECT id, min(rank) AS rank FROM candidate GROUP BY id) c JOIN profile p ON p.id = c.id
				WHERE\s""" + Graph.NOT_BLOCKED + """
				 ORDER BY c.rank, p.follower_count DESC, p.username
				LIMIT :limit""")
			.param("q", q).param("from", q).param("to", successor(q)).param("n", limit + 10).param("viewer", viewer)
			.param("limit", limit)
			.query(Profiles::map).list());
		if (found.size() < Math.min(limit, FEW) && q.length() >= 3) {
			// one trigram index, not both: a query with a space is a name, one without a username
			String column = q.contains(" ") ? "lower(p.full_name)" : "p.username";
			Set<UUID> seen = found.stream().map(Profile::id).collect(Collectors.toSet());
			jdbc.sql("SELECT p.* FROM profile p WHERE " + column + " % :q AND " + Graph.NOT_BLOCKED
					+ " ORDER BY similarity(" + column + ", :q) DESC, p.follower_count DESC, p.username LIMIT :limit")
				.param("q", q).param("viewer", viewer).param("limit", limit)
				.query(Profiles::map).list().stream()
				.filter(p -> seen.add(p.id()))
				.limit(limit - found.size())
				.forEach(found::add);
		}
		return found;
	}

	/** The smallest string after every string that starts with {@code prefix}, in code point order. */
	static String successor(String prefix) {
		int last = prefix.codePointBefore(prefix.length());
		return prefix.substring(0, prefix.length() - Character.charCount(last)) + Character.toString(last + 1);
	}

	/** A suggestion and how many of the accounts the viewer follows follow it (0 for popular accounts). */
	public record Suggestion(Profile profile, int followedBy) {
	}

	/**
	 * Accounts followed by the accounts the viewer follows, ranked by how many of them do; filled up with popular
	 * public accounts (all of it, for someone who follows no one). Never the viewer, nor anyone they follow,
	 * asked to follow, or are in a block with.
	 */
	public List<Suggestion> suggestions(UUID viewer, int limit) {
		List<Suggestion> found = new ArrayList<>(jdbc.sql("""
				WITH mine AS (
				  SELECT followee_id FROM follow WHERE follower_id = :viewer AND state = 'FOLLOWING'
				  ORDER BY seq DESC LIMIT 500)
				SELECT p.*, count(*) AS followed_by
				FROM mine JOIN follow theirs ON theirs.follower_id = mine.followee_id AND theirs.state = 'FOLLOWING'
				JOIN profile p ON p.id = theirs.followee_id
				WHERE p.id <> :viewer
				  AND NOT EXISTS (SELECT 1 FROM follow f WHERE f.follower_id = :viewer AND f.followee_id = p.id)
				  AND\s""" + Graph.NOT_BLOCKED + """
				 GROUP BY p.id
				 ORDER BY followed_by DESC, p.follower_count DESC
				 LIMIT :limit""")
			.param("viewer", viewer).param("limit", limit)
			.query((rs, n) -> new Suggestion(Profiles.map(rs, n), rs.getInt("followed_by"))).list());
		if (found.size() < limit) {
			List<UUID> already = found.stream().map(s -> s.profile().id()).toList();
			jdbc.sql("""
					SELECT p.* FROM profile p
					WHERE NOT p.private AND p.id <> :viewer
					  AND NOT EXISTS (SELECT 1 FROM follow f WHERE f.follower_id = :viewer AND f.followee_id = p.id)
					  AND NOT (p.id = ANY (:already))
					  AND\s""" + Graph.NOT_BLOCKED + """
					 ORDER BY p.follower_count DESC, p.username LIMIT :limit""")
				.param("viewer", viewer).param("already", already.toArray(UUID[]::new)).param("limit", limit - found.size())
				.query(Profiles::map).list()
				.forEach(p -> found.add(new Suggestion(p, 0)));
		}
		return found;
	}
}
