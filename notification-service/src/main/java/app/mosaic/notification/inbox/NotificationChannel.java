package app.mosaic.notification.inbox;

/** The PostgreSQL channel on which a write names the recipient whose notifications changed. */
public final class NotificationChannel {

	public static final String NAME = "notifications";

	private NotificationChannel() {
	}
}
