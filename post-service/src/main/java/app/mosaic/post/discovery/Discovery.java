package app.mosaic.post.discovery;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.mosaic.post.people.Visibility;

/** Hashtags and places: looking them up, searching them, and the recent public posts of each. */
@Repository
public class Discovery {

	private final JdbcClient jdbc;

	Discovery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Hashtag(String tag, int postCount) {
	}

	/** @param distanceMeters from the searcher, when both gave coordinates */
	public record Place(long id, String name, Double lat, Double lng, int postCount, Double distanceMeters) {
	}

	/** A tag as people type it: without the {@code #}, in any case. */
	public static String normalizeTag(String tag) {
		String t = tag.strip();
		return (t.startsWith("#") ? t.substring(1) : t).toLowerCase(Locale.ROOT);
	}

	public Optional<Hashtag> hashtag(String tag) {
		return jdbc.sql("SELECT tag, post_count FROM hashtag WHERE tag = ? AND post_count > 0").param(normalizeTag(tag))
			.query((rs, row) -> new Hashtag(rs.getString("tag"), rs.getInt("post_count"))).optional();
	}

	/** Tags starting with the prefix, most used first. */
	public List<Hashtag> searchHashtags(String prefix, int limit) {
		return jdbc.sql("""
				SELECT tag, post_count FROM hashtag WHERE tag LIKE :prefix ESCAPE '\\' AND post_count > 0
				ORDER BY post_count DESC, tag LIMIT :limit""")
			.param("prefix", escapeLike(normalizeTag(prefix)) + "%").param("limit", limit)
			.query((rs, row) -> new Hashtag(rs.getString("tag"), rs.getInt("post_count"))).list();
	}

	/** Ids of recent posts with the tag by public authors the viewer is in no block with, newest first. */
	public List<Long> hashtagPostIds(UUID viewer, String tag, long before, int limit) {
		return jdbc.sql("""
				SELECT ph.post_id FROM post_hashtag ph JOIN post p ON p.id = ph.post_id
				WHERE ph.tag = :tag AND ph.post_id < :before AND %s
				ORDER BY ph.post_id DESC LIMIT :limit""".formatted(Visibility.publicPostsOf("p.author_id")))
			.param("tag", normalizeTag(tag)).param("before", before).param("limit", limit).param("viewer", viewer)
			.query(Long.class).list();
	}

	public Optional<Place> place(long id) {
		return jdbc.sql("SELECT id, name, lat, lng, post_count, CAST(NULL AS double precision) AS distance FROM place WHERE id = ?").param(id)
			.query(Discovery::place).optional();
	}

	public List<Long> placePostIds(UUID viewer, long placeId, long before, int limit) {
		return jdbc.sql("""
				SELECT p.id FROM post p WHERE p.place_id = :place AND p.id < :before AND %s
				ORDER BY p.id DESC LIMIT :limit""".formatted(Visibility.publicPostsOf("p.author_id")))
			.param("place", placeId).param("before", before).param("limit", limit).param("viewer", viewer)
			.query(Long.class).list();
	}

	/**
	 * Places whose name contains the words searched for, or nearly does (trigram similarity forgives a typo).
	 * With coordinates, nearest first (places without coordinates last); otherwise names starting with the query,
	 * then the most tagged.
	 */
	public List<Place> searchPlaces(String query, Double lat, Double lng, int limit) {
		String q = query.strip().toLowerCase(Locale.ROOT);
		return jdbc.sql("""
				SELECT id, name, lat, lng, post_count,
				  CASE WHEN CAST(:lat AS double precision) IS NULL OR lat IS NULL THEN NULL
				    ELSE 2 * 6371000 * asin(sqrt(power(sin(radians(lat - :lat) / 2), 2)
				      + cos(radians(:lat)) * cos(radians(lat)) * power(sin(radians(lng - :lng) / 2), 2))) END AS distance
				FROM place
				WHERE lower(name) LIKE :contains ESCAPE '\\' OR lower(name) % :q
				ORDER BY distance NULLS LAST, (lower(name) LIKE :prefix ESCAPE '\\') DESC, similarity(lower(name), :q) DESC,
				  post_count DESC, id
				LIMIT :limit""")
			.param("lat", lat).param("lng", lng).param("q", q).param("contains", "%" + escapeLike(q) + "%")
			.param("prefix", escapeLike(q) + "%").param("limit", limit)
			.query(Discovery::place).list();
	}

	private static Place place(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Place(rs.getLong("id"), rs.getString("name"), rs.getObject("lat", Double.class),
				rs.getObject("lng", Double.class), rs.getInt("post_count"), rs.getObject("distance", Double.class));
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
