package app.mosaic.post.post;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.mosaic.post.people.People;
import app.mosaic.post.people.Visibility;

/**
 * Posts as one viewer sees them: with the author, the place, and whether the viewer liked and saved each one,
 * in one query per list, leaving out what the viewer may not see and keeping the order asked for.
 */
@Repository
public class PostReads {

	private final JdbcClient jdbc;
	private final Posts posts;

	PostReads(JdbcClient jdbc, Posts posts) {
		this.jdbc = jdbc;
		this.posts = posts;
	}

	/** A post with what the viewer needs to draw it. */
	public record Shown(Post post, People.Person author, boolean liked, boolean saved) {
	}

	public Optional<Shown> find(UUID viewer, long id) {
		return hydrate(viewer, List.of(id)).stream().findFirst();
	}

	/** The posts of these ids the viewer may see, in the order of the ids. */
	public List<Shown> hydrate(UUID viewer, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT p.*, %s, a.username, a.full_name, a.avatar_media_id, a.private, pl.name AS place_name,
				  EXISTS (SELECT 1 FROM post_like l WHERE l.post_id = p.id AND l.user_id = :viewer) AS liked,
				  EXISTS (SELECT 1 FROM saved_post s WHERE s.post_id = p.id AND s.user_id = :viewer) AS saved
				FROM unnest(ARRAY[:ids]::bigint[]) WITH ORDINALITY AS wanted (id, position)
				JOIN post p ON p.id = wanted.id
				JOIN person a ON a.id = p.author_id
				LEFT JOIN place pl ON pl.id = p.place_id
				WHERE %s
				ORDER BY wanted.position""".formatted(Posts.LIKE_COUNT, Visibility.seesPostsOf("p.author_id")))
			.param("ids", List.copyOf(ids)).param("viewer", viewer)
			.query((rs, row) -> new Shown(posts.map(rs, row), People.map(rs, "author_id"), rs.getBoolean("liked"),
					rs.getBoolean("saved")))
			.list();
	}
}
