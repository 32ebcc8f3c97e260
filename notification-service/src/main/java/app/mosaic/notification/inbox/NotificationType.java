package app.mosaic.notification.inbox;

import java.util.Arrays;
import java.util.Optional;

/** What a notification tells, with the key of its switch in the preferences ({@code {"like": false}}). */
public enum NotificationType {

	FOLLOW("follow"), FOLLOW_REQUEST("followRequest"), FOLLOW_ACCEPTED("followAccepted"), LIKE("like"), COMMENT("comment"),
	COMMENT_REPLY("commentReply"), COMMENT_LIKE("commentLike"), MENTION("mention");

	private final String preference;

	NotificationType(String preference) {
		this.preference = preference;
	}

	public String preference() {
		return preference;
	}

	public static Optional<NotificationType> ofPreference(String key) {
		return Arrays.stream(values()).filter(t -> t.preference.equals(key)).findFirst();
	}
}
