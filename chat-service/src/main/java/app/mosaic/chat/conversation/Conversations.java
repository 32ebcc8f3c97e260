package app.mosaic.chat.conversation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import app.mosaic.chat.conversation.ChatReads.Folder;
import app.mosaic.chat.conversation.ChatReads.Participant;
import app.mosaic.chat.people.People;
import app.mosaic.platform.ids.IdGenerator;
import app.mosaic.platform.security.Caller;
import app.mosaic.platform.web.ApiProblem;

/**
 * Starting conversations and who is in them. One DIRECT conversation per pair; GROUPs of up to
 * {@value #MAX_PEOPLE}. Someone who blocked the caller, or whom the caller blocked, cannot be added: they are
 * answered as a name that does not exist. A person joins a conversation's inbox when they follow whoever brought
 * them in, and its requests otherwise.
 */
@Service
public class Conversations {

	public static final int MAX_PEOPLE = 32;
	public static final int MAX_TITLE = 100;

	private final JdbcClient jdbc;
	private final People people;
	private final ChatReads reads;
	private final Frames frames;
	private final IdGenerator ids;
	private final Clock clock;

	Conversations(JdbcClient jdbc, People people, ChatReads reads, Frames frames, IdGenerator ids, Clock clock) {
		this.jdbc = jdbc;
		this.people = people;
		this.reads = reads;
		this.frames = frames;
		this.ids = ids;
		this.clock = clock;
	}

	/** @param created false when the pair's DIRECT conversation existed and is returned */
	public record Started(long id, boolean created) {
	}

	@Transactional
	public Started start(Caller caller, List<String> usernames, String title) {
		people.knownFromToken(caller.id(), caller.username());
		String name = title(title);
		List<UUID> others = resolve(caller, usernames);
		if (others.isEmpty()) {
			throw ApiProblem.badRequest("usernames: name at least one person other than yourself.");
		}
		if (others.size() + 1 > MAX_PEOPLE) {
			throw ApiProblem.badRequest("usernames: a group has at most " + MAX_PEOPLE + " people, you included.");
		}
		Instant now = clock.instant();
		long id = ids.next();
		if (others.size() == 1 && name == null) {
			UUID other = others.get(0);
			String pair = pair(caller.id(), other);
			int inserted = jdbc.sql("""
					INSERT INTO conversation (id, type, pair_key, created_by, created_at, activity, activity_at)
					VALUES (?, 'DIRECT', ?, ?, ?, ?, ?) ON CONFLICT (pair_key) DO NOTHING""")
				.params(id, pair, caller.id(), Timestamp.from(now), id, Timestamp.from(now)).update();
			if (inserted == 0) {
				long existing = jdbc.sql("SELECT id FROM conversation WHERE pair_key = ?").param(pair).query(Long.class).single();
				// starting it again brings it back to the caller's list
				jdbc.sql("UPDATE participant SET hidden = false WHERE conversation_id = ? AND user_id = ?").params(existing, caller.id())
					.update();
				return new Started(existing, false);
			}
			join(id, caller.id(), Folder.INBOX, null, 0, now);
			join(id, other, folderFor(other, caller.id()), caller.id(), 0, now);
			return new Started(id, true);
		}
		jdbc.sql("""
				INSERT INTO conversation (id, type, title, created_by, created_at, activity, activity_at)
				VALUES (?, 'GROUP', ?, ?, ?, ?, ?)""")
			.params(id, name, caller.id(), Timestamp.from(now), id, Timestamp.from(now)).update();
		join(id, caller.id(), Folder.INBOX, null, 0, now);
		for (UUID other : others) {
			join(id, other, folderFor(other, caller.id()), caller.id(), 0, now);
		}
		return new Started(id, true);
	}

	/** Adds people to a group; those already in it stay as they are. They do not see what was said before. */
	@Transactional
	public void add(Caller caller, long conversation, List<String> usernames) {
		reads.member(conversation, caller.id());
		String type = jdbc.sql("SELECT type FROM conversation WHERE id = ? FOR UPDATE").param(conversation).query(String.class).single();
		if (!"GROUP".equals(type)) {
			throw ApiProblem.conflict("A direct conversation is between two people. Start a group with POST /api/v1/conversations.");
		}
		List<UUID> others = resolve(caller, usernames);
		Set<UUID> present = new LinkedHashSet<>(reads.participants(conversation).stream().map(Participant::userId).toList());
		List<UUID> joining = others.stream().filter(u -> !present.contains(u)).toList();
		if (present.size() + joining.size() > MAX_PEOPLE) {
			throw ApiProblem.badRequest("usernames: a group has at most " + MAX_PEOPLE + " people.");
		}
		long latest = jdbc.sql("SELECT coalesce(max(id), 0) FROM message WHERE conversation_id = ?").param(conversation)
			.query(Long.class).single();
		Instant now = clock.instant();
		for (UUID user : joining) {
			join(conversation, user, folderFor(user, caller.id()), caller.id(), latest, now);
		}
	}

	/** Leaves a group; the last one out deletes it. */
	@Transactional
	public void leave(UUID user, long conversation) {
		reads.member(conversation, user);
		String type = jdbc.sql("SELECT type FROM conversation WHERE id = ? FOR UPDATE").param(conversation).query(String.class).single();
		if (!"GROUP".equals(type)) {
			throw ApiProblem.conflict("Only a group can be left. Delete a direct conversation for yourself with "
					+ "DELETE /api/v1/conversations/{id}.");
		}
		jdbc.sql("DELETE FROM participant WHERE conversation_id = ? AND user_id = ?").params(conversation, user).update();
		jdbc.sql("DELETE FROM conversation c WHERE id = ? AND NOT EXISTS (SELECT 1 FROM participant p WHERE p.conversation_id = c.id)")
			.param(conversation).update();
	}

	/** A request moves to the inbox. */
	@Transactional
	public void accept(UUID user, long conversation) {
		reads.member(conversation, user);
		jdbc.sql("UPDATE participant SET folder = 'INBOX' WHERE conversation_id = ? AND user_id = ?").params(conversation, user).update();
	}

	/**
	 * Deletes the conversation for the caller alone (declines it when it is a request): it leaves their lists with
	 * everything said so far, and comes back with the next message.
	 */
	@Transactional
	public void deleteForMe(UUID user, long conversation) {
		reads.member(conversation, user);
		jdbc.sql("""
				UPDATE participant SET hidden = true,
				    cleared_up_to = (SELECT coalesce(max(id), 0) FROM message WHERE conversation_id = ?),
				    last_read_id = greatest(last_read_id, (SELECT coalesce(max(id), 0) FROM message WHERE conversation_id = ?))
				WHERE conversation_id = ? AND user_id = ?""")
			.params(conversation, conversation, conversation, user).update();
	}

	/** Marks what the reader has seen, up to a message; every participant's sockets get a {@code read} frame. */
	@Transactional
	public void read(UUID reader, long conversation, long upTo) {
		ChatReads.Roster roster = reads.rosterOf(conversation, reader);
		Participant me = roster.member(reader).orElseThrow();
		if (upTo <= me.clearedUpTo() || reads.message(conversation, upTo).isEmpty()) {
			throw ApiProblem.badRequest("upToMessageId: no such message in this conversation.");
		}
		Instant now = clock.instant();
		int advanced = jdbc.sql("""
				UPDATE participant SET last_read_id = ?, last_read_at = ?
				WHERE conversation_id = ? AND user_id = ? AND last_read_id < ?""")
			.params(upTo, Timestamp.from(now), conversation, reader, upTo).update();
		if (advanced > 0) {
			frames.read(roster.userIds(), conversation, reader, upTo, now);
		}
	}

	/** Erases a deleted account from every conversation; conversations left empty go. Runs in the consumer's transaction. */
	public void erase(UUID user) {
		jdbc.sql("DELETE FROM reaction WHERE user_id = ?").param(user).update();
		List<Long> theirs = jdbc.sql("SELECT conversation_id FROM participant WHERE user_id = ?").param(user).query(Long.class).list();
		jdbc.sql("DELETE FROM participant WHERE user_id = ?").param(user).update();
		if (!theirs.isEmpty()) {
			jdbc.sql("""
					DELETE FROM conversation c WHERE id IN (:ids)
					AND NOT EXISTS (SELECT 1 FROM participant p WHERE p.conversation_id = c.id)""")
				.param("ids", theirs).update();
		}
	}

	/** The named people, deduplicated; 404 naming those that do not exist (or blocked the caller, or whom they blocked). */
	private List<UUID> resolve(Caller caller, List<String> usernames) {
		if (usernames == null || usernames.isEmpty()) {
			throw ApiProblem.badRequest("usernames: name at least one person.");
		}
		if (usernames.size() > MAX_PEOPLE) {
			throw ApiProblem.badRequest("usernames: a group has at most " + MAX_PEOPLE + " people.");
		}
		Set<String> names = new LinkedHashSet<>();
		for (String username : usernames) {
			if (username == null || username.isBlank()) {
				throw ApiProblem.badRequest("usernames: a username must not be blank.");
			}
			names.add(username.strip().toLowerCase());
		}
		Map<String, UUID> found = people.byUsernames(names);
		List<String> missing = new ArrayList<>();
		List<UUID> others = new ArrayList<>();
		for (String name : names) {
			UUID user = found.get(name);
			if (user == null || (!user.equals(caller.id()) && people.blockedEitherWay(caller.id(), user))) {
				missing.add(name);
			}
			else if (!user.equals(caller.id())) {
				others.add(user);
			}
		}
		if (!missing.isEmpty()) {
			throw ApiProblem.notFound("No user named " + String.join(", ", missing) + ".");
		}
		return others;
	}

	private Folder folderFor(UUID user, UUID broughtInBy) {
		return people.follows(user, broughtInBy) ? Folder.INBOX : Folder.REQUEST;
	}

	private void join(long conversation, UUID user, Folder folder, UUID addedBy, long clearedUpTo, Instant at) {
		jdbc.sql("""
				INSERT INTO participant (conversation_id, user_id, folder, added_by, joined_at, cleared_up_to, last_read_id)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(conversation, user, folder.name(), addedBy, Timestamp.from(at), clearedUpTo, clearedUpTo).update();
	}

	private static String title(String title) {
		if (title == null || title.isBlank()) {
			return null;
		}
		String stripped = title.strip();
		if (stripped.codePointCount(0, stripped.length()) > MAX_TITLE) {
			throw ApiProblem.badRequest("title: at most " + MAX_TITLE + " characters.");
		}
		return stripped;
	}

	static String pair(UUID one, UUID other) {
		return one.compareTo(other) < 0 ? one + ":" + other : other + ":" + one;
	}
}
