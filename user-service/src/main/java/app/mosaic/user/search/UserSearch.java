package app.mosaic.user.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

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

	private final JdbcClient jdbc;

	UserSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Profile> search(UUID viewer, String query, int limit) {
		String q = query.strip().toLowerCase(Locale.ROOT).replaceFirst("^@", "");
		if (q.isEmpty()) {
			return List.of();
		}
		String prefix = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return jdbc.sql("""
				SELECT p.* FROM profile p
				WHERE (p.username LIKE :prefix OR lower(p.full_name) LIKE :prefix
				       OR p.username % :q OR lower(p.full_name) % :q)
				  AND\s""" + Graph.NOT_BLOCKED + """
				 ORDER BY CASE WHEN p.username = :q THEN 0
				               WHEN p.username LIKE :prefix THEN 1
				               WHEN lower(p.full_name) LIKE :prefix THEN 2
				               ELSE 3 END,
				          greatest(similarity(p.username, :q), similarity(lower(coalesce(p.full_name, '')), :q)) DESC,
				          p.follower_count DESC, p.username
				LIMIT :limit""")
			.param("q", q).param("prefix", prefix).param("viewer", viewer).param("limit", limit)
			.query(Profiles::map).list();
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
