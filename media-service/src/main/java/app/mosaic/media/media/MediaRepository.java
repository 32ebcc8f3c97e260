package app.mosaic.media.media;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Media rows and their variants. */
@Repository
public class MediaRepository {

	private final JdbcClient jdbc;

	MediaRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Media> find(long id) {
		return findAll(List.of(id)).stream().findFirst();
	}

	public List<Media> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, Media> rows = new LinkedHashMap<>();
		jdbc.sql("SELECT * FROM media WHERE id IN (:ids) ORDER BY id").param("ids", ids)
			.query(MediaRepository::map).list().forEach(m -> rows.put(m.id(), m));
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Media.StoredVariant>> variants = jdbc
			.sql("SELECT * FROM media_variant WHERE media_id IN (:ids) ORDER BY media_id, width, format")
			.param("ids", rows.keySet())
			.query((rs, n) -> Map.entry(rs.getLong("media_id"), variant(rs)))
			.list().stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		return rows.values().stream()
			.map(m -> new Media(m.id(), m.ownerId(), m.state(), m.width(), m.height(), m.blurhash(), m.bytes(),
					m.attachedTo(), m.createdAt(), List.copyOf(variants.getOrDefault(m.id(), List.of()))))
			.toList();
	}

	/** One stored variant of a ready media item: all that serving its bytes needs, in one query. */
	public Optional<Media.StoredVariant> findReadyVariant(long id, String name, String format) {
		return jdbc.sql("""
				SELECT v.* FROM media_variant v JOIN media m ON m.id = v.media_id
				WHERE v.media_id = ? AND v.name = ? AND v.format = ? AND m.state = 'READY'""")
			.params(id, name, format).query((rs, n) -> variant(rs)).optional();
	}

	void insertProcessing(long id, UUID owner, String sourceFormat, int width, int height, String blurhash, long bytes,
			Instant at) {
		jdbc.sql("""
				INSERT INTO media (id, owner_id, state, source_format, width, height, blurhash, bytes, loose_since, created_at, updated_at)
				VALUES (:id, :owner, 'PROCESSING', :format, :width, :height, :blurhash, :bytes, :at, :at, :at)""")
			.param("id", id).param("owner", owner).param("format", sourceFormat).param("width", width)
			.param("height", height).param("blurhash", blurhash).param("bytes", bytes).param("at", Timestamp.from(at))
			.update();
	}

	void insertVariant(long id, Media.StoredVariant v) {
		jdbc.sql("""
				INSERT INTO media_variant (media_id, name, format, width, height, bytes, etag)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, v.name(), v.format(), v.width(), v.height(), v.bytes(), v.etag()).update();
	}

	/** @return whether the row was still processing (an interrupted upload may have been cleaned up meanwhile) */
	boolean markReady(long id, Instant at) {
		return jdbc.sql("UPDATE media SET state = 'READY', updated_at = ? WHERE id = ? AND state = 'PROCESSING'")
			.params(Timestamp.from(at), id).update() == 1;
	}

	long storedBytes(UUID owner) {
		return jdbc.sql("SELECT coalesce(sum(bytes), 0) FROM media WHERE owner_id = ? AND state <> 'DELETING'")
			.param(owner).query(Long.class).single();
	}

	/** Serializes one owner's quota checks against each other until the transaction ends. */
	void lockOwner(UUID owner) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))").param(owner.toString()).query().singleRow();
	}

	/** Counts an upload attempt in the current clock hour. @return the attempts so far in this hour */
	int countUpload(UUID owner, Instant windowStart) {
		return jdbc.sql("""
				INSERT INTO upload_window (owner_id, window_start, uploads) VALUES (?, ?, 1)
				ON CONFLICT (owner_id, window_start) DO UPDATE SET uploads = upload_window.uploads + 1
				RETURNING uploads""")
			.params(owner, Timestamp.from(windowStart)).query(Integer.class).single();
	}

	int forgetUploadWindowsBefore(Instant before) {
		return jdbc.sql("DELETE FROM upload_window WHERE window_start < ?").param(Timestamp.from(before)).update();
	}

	/**
	 * Attaches every id, or none: each must be READY, owned by {@code owner}, and loose or already attached to
	 * {@code target} (so a retried call succeeds). @return how many rows qualified
	 */
	int attach(Collection<Long> ids, UUID owner, String target, Instant at) {
		return jdbc.sql("""
				UPDATE media SET attached_to = :target, attached_at = coalesce(attached_at, :at), loose_since = NULL, updated_at = :at
				WHERE id IN (:ids) AND owner_id = :owner AND state = 'READY' AND (attached_to IS NULL OR attached_to = :target)""")
			.param("target", target).param("at", Timestamp.from(at)).param("ids", ids).param("owner", owner).update();
	}

	int detach(Collection<Long> ids, String target, Instant at) {
		return jdbc.sql("""
				UPDATE media SET attached_to = NULL, attached_at = NULL, loose_since = :at, updated_at = :at
				WHERE id IN (:ids) AND attached_to = :target""")
			.param("target", target).param("at", Timestamp.from(at)).param("ids", ids).update();
	}

	/** Detaches what is attached to {@code target} at or before {@code before}, except {@code keep}. */
	int detachAllBut(String target, long keep, Instant before, Instant at) {
		return jdbc.sql("""
				UPDATE media SET attached_to = NULL, attached_at = NULL, loose_since = :at, updated_at = :at
				WHERE attached_to = :target AND id <> :keep AND attached_at <= :before""")
			.param("target", target).param("keep", keep).param("before", Timestamp.from(before))
			.param("at", Timestamp.from(at)).update();
	}

	int markDeleting(long id, Instant at) {
		return jdbc.sql("UPDATE media SET state = 'DELETING', updated_at = ? WHERE id = ? AND state <> 'DELETING'")
			.params(Timestamp.from(at), id).update();
	}

	int markDeletingOwnedBy(UUID owner, Instant at) {
		return jdbc.sql("UPDATE media SET state = 'DELETING', updated_at = ? WHERE owner_id = ? AND state <> 'DELETING'")
			.params(Timestamp.from(at), owner).update();
	}

	int markDeletingAttachedTo(String target, Instant at) {
		return jdbc.sql("UPDATE media SET state = 'DELETING', updated_at = ? WHERE attached_to = ? AND state <> 'DELETING'")
			.params(Timestamp.from(at), target).update();
	}

	int markOrphansDeleting(Instant looseBefore, Instant at) {
		return jdbc.sql("""
				UPDATE media SET state = 'DELETING', updated_at = ?
				WHERE attached_to IS NULL AND state = 'READY' AND loose_since < ?""")
			.params(Timestamp.from(at), Timestamp.from(looseBefore)).update();
	}

	/** Media whose objects must go: marked for deletion, or uploads interrupted before they were ready. */
	List<Long> toPurge(Instant stalledBefore, int limit) {
		return jdbc.sql("""
				SELECT id FROM media
				WHERE state = 'DELETING' OR (state = 'PROCESSING' AND updated_at < ?)
				ORDER BY updated_at LIMIT ?""")
			.params(Timestamp.from(stalledBefore), limit).query(Long.class).list();
	}

	/** @return the deleted row, if this call deleted it */
	Optional<Media> deleteRow(long id) {
		return jdbc.sql("DELETE FROM media WHERE id = ? AND state IN ('DELETING', 'PROCESSING') RETURNING *")
			.param(id).query(MediaRepository::map).optional();
	}

	private static Media.StoredVariant variant(ResultSet rs) throws SQLException {
		return new Media.StoredVariant(rs.getString("name"), rs.getString("format"), rs.getInt("width"),
				rs.getInt("height"), rs.getInt("bytes"), rs.getString("etag"));
	}

	private static Media map(ResultSet rs, int row) throws SQLException {
		return new Media(rs.getLong("id"), rs.getObject("owner_id", UUID.class), Media.State.valueOf(rs.getString("state")),
				rs.getInt("width"), rs.getInt("height"), rs.getString("blurhash"), rs.getLong("bytes"),
				rs.getString("attached_to"), rs.getTimestamp("created_at").toInstant(), List.of());
	}
}
