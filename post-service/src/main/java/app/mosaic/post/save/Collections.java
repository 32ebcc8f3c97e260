package app.mosaic.post.save;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.mosaic.platform.events.DomainEvents;
import app.mosaic.platform.ids.IdGenerator;
import app.mosaic.platform.web.ApiProblem;
import app.mosaic.post.people.Visibility;
import app.mosaic.post.post.Post;

/**
 * Named collections of saved posts, each private to its owner: to anyone else a collection does not exist (404).
 * Adding a post saves it first when needed.
 */
@Service
public class Collections {

	public static final int MAX_NAME = 50;

	private final JdbcClient jdbc;
	private final Saves saves;
	private final DomainEvents events;
	private final IdGenerator ids;
	private final Clock clock;

	Collections(JdbcClient jdbc, Saves saves, DomainEvents events, IdGenerator ids, Clock clock) {
		this.jdbc = jdbc;
		this.saves = saves;
		this.events = events;
		this.ids = ids;
		this.clock = clock;
	}

	/** A collection with its size and the first photo of the post added last (that the owner may still see). */
	public record Collection(long id, String name, int postCount, Long coverMediaId, Instant createdAt) {
	}

	@Transactional
	public Collection create(UUID owner, String name) {
		String checked = name(name);
		Instant now = clock.instant();
		long id = ids.next();
		try {
			jdbc.sql("INSERT INTO collection (id, owner_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
				.params(id, owner, checked, Timestamp.from(now), Timestamp.from(now)).update();
		}
		catch (DuplicateKeyException e) {
			throw taken(checked);
		}
		return find(owner, id).orElseThrow();
	}

	@Transactional
	public Collection rename(UUID owner, long id, String name) {
		String checked = name(name);
		owned(owner, id);
		try {
			jdbc.sql("UPDATE collection SET name = ?, updated_at = ? WHERE id = ?")
				.params(checked, Timestamp.from(clock.instant()), id).update();
		}
		catch (DuplicateKeyException e) {
			throw taken(checked);
		}
		return find(owner, id).orElseThrow();
	}

	/** Deletes the collection; its posts stay saved. */
	@Transactional
	public void delete(UUID owner, long id) {
		owned(owner, id);
		jdbc.sql("DELETE FROM collection WHERE id = ?").param(id).update();
	}

	@Transactional
	public Collection add(UUID owner, long id, long postId) {
		owned(owner, id);
		Post post = saves.visible(owner, postId);
		Instant now = clock.instant();
		if (saves.insert(owner, postId, now)) {
			events.publish(Long.toString(postId), new SaveEvents.PostSaved(Long.toString(postId), post.authorId(), owner, now));
		}
		jdbc.sql("""
				INSERT INTO collection_post (collection_id, user_id, post_id, id) VALUES (?, ?, ?, ?)
				ON CONFLICT DO NOTHING""").params(id, owner, postId, ids.next()).update();
		return find(owner, id).orElseThrow();
	}

	/** Takes a post out of the collection; it stays saved. */
	@Transactional
	public Collection remove(UUID owner, long id, long postId) {
		owned(owner, id);
		jdbc.sql("DELETE FROM collection_post WHERE collection_id = ? AND post_id = ?").params(id, postId).update();
		return find(owner, id).orElseThrow();
	}

	public Optional<Collection> find(UUID owner, long id) {
		return list(owner, "c.id = :id", id, 1).stream().findFirst();
	}

	/** The owner's collections, newest first. */
	public List<Collection> list(UUID owner, long before, int limit) {
		return list(owner, "c.id < :id", before, limit);
	}

	/** A collection's posts, newest added first, with each one's place in it for the cursor. */
	public List<Saves.Saved> posts(UUID owner, long id, long before, int limit) {
		owned(owner, id);
		return jdbc.sql("SELECT post_id, id FROM collection_post WHERE collection_id = ? AND id < ? ORDER BY id DESC LIMIT ?")
			.params(id, before, limit)
			.query((rs, row) -> new Saves.Saved(rs.getLong("post_id"), rs.getLong("id"))).list();
	}

	private List<Collection> list(UUID owner, String which, long id, int limit) {
		return jdbc.sql("""
				SELECT c.id, c.name, c.created_at,
				  (SELECT count(*) FROM collection_post cp WHERE cp.collection_id = c.id) AS post_count,
				  (SELECT (p.media -> 0 ->> 'mediaId')::bigint FROM collection_post cp JOIN post p ON p.id = cp.post_id
				   WHERE cp.collection_id = c.id AND %s ORDER BY cp.id DESC LIMIT 1) AS cover
				FROM collection c WHERE c.owner_id = :viewer AND %s ORDER BY c.id DESC LIMIT :limit"""
			.formatted(Visibility.seesPostsOf("p.author_id"), which))
			.param("viewer", owner).param("id", id).param("limit", limit)
			.query((rs, row) -> new Collection(rs.getLong("id"), rs.getString("name"), rs.getInt("post_count"),
					rs.getObject("cover", Long.class), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	private void owned(UUID owner, long id) {
		jdbc.sql("SELECT id FROM collection WHERE id = ? AND owner_id = ? FOR NO KEY UPDATE").params(id, owner)
			.query(Long.class).optional()
			.orElseThrow(() -> ApiProblem.notFound("No such collection."));
	}

	private static String name(String name) {
		String stripped = name == null ? "" : name.strip();
		if (stripped.isEmpty()) {
			throw ApiProblem.badRequest("name: give the collection a name.");
		}
		if (stripped.codePointCount(0, stripped.length()) > MAX_NAME) {
			throw ApiProblem.badRequest("name: at most " + MAX_NAME + " characters.");
		}
		return stripped;
	}

	private static ApiProblem taken(String name) {
		return ApiProblem.conflict("You already have a collection named \"" + name + "\".");
	}
}
