package app.mosaic.post.post;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.mosaic.platform.ids.IdGenerator;

/** Places posts are tagged at, shared by name and spot, and how many posts each has. */
@Repository
public class Places {

	private final JdbcClient jdbc;
	private final IdGenerator ids;

	Places(JdbcClient jdbc, IdGenerator ids) {
		this.jdbc = jdbc;
		this.ids = ids;
	}

	/** The place of this name at this spot (about 100 m), created the first time someone tags it. */
	public Post.PlaceRef findOrCreate(String name, Double lat, Double lng, Instant now) {
		String key = name.toLowerCase(Locale.ROOT) + (lat == null ? "" : String.format(Locale.ROOT, "@%.3f,%.3f", lat, lng));
		// a no-op update returns the existing row, so concurrent first taggers share one place
		return jdbc.sql("""
				INSERT INTO place (id, name, place_key, lat, lng, created_at) VALUES (:id, :name, :key, :lat, :lng, :at)
				ON CONFLICT (place_key) DO UPDATE SET place_key = excluded.place_key
				RETURNING id, name""")
			.param("id", ids.next()).param("name", name).param("key", key).param("lat", lat).param("lng", lng)
			.param("at", Timestamp.from(now))
			.query((rs, row) -> new Post.PlaceRef(rs.getLong("id"), rs.getString("name"))).single();
	}

	public Optional<Post.PlaceRef> find(long id) {
		return jdbc.sql("SELECT id, name FROM place WHERE id = ?").param(id)
			.query((rs, row) -> new Post.PlaceRef(rs.getLong("id"), rs.getString("name"))).optional();
	}

	void count(Post.PlaceRef place, int delta) {
		if (place != null) {
			jdbc.sql("UPDATE place SET post_count = greatest(0, post_count + ?) WHERE id = ?").params(delta, place.id()).update();
		}
	}
}
