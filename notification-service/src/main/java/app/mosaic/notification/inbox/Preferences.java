package app.mosaic.notification.inbox;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which types a person is notified of: every type is on until they turn it off. */
@Service
public class Preferences {

	private final JdbcClient jdbc;

	Preferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every type's switch, keyed as clients send it ({@code like}, {@code commentReply}...). */
	@Transactional(readOnly = true)
	public Map<String, Boolean> of(UUID user) {
		Set<NotificationType> off = EnumSet.noneOf(NotificationType.class);
		jdbc.sql("SELECT type FROM muted_type WHERE user_id = ?").param(user).query(String.class).list()
			.forEach(t -> off.add(NotificationType.valueOf(t)));
		Map<String, Boolean> switches = new LinkedHashMap<>();
		for (NotificationType type : NotificationType.values()) {
			switches.put(type.preference(), !off.contains(type));
		}
		return switches;
	}

	/** Types not named keep their switch. */
	@Transactional
	public Map<String, Boolean> change(UUID user, Map<NotificationType, Boolean> changes) {
		changes.forEach((type, on) -> {
			if (on) {
				jdbc.sql("DELETE FROM muted_type WHERE user_id = ? AND type = ?").params(user, type.name()).update();
			}
			else {
				jdbc.sql("INSERT INTO muted_type (user_id, type) VALUES (?, ?) ON CONFLICT DO NOTHING").params(user, type.name())
					.update();
			}
		});
		return of(user);
	}
}
