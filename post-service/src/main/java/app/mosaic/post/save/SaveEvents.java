package app.mosaic.post.save;

import java.time.Instant;
import java.util.UUID;

import app.mosaic.platform.events.EventTopic;
import app.mosaic.platform.events.EventType;
import app.mosaic.post.post.PostEvents;

/** Saves on {@code post.events}, keyed by the post id: a signal of interest for ranking (who saved stays private). */
@EventTopic(PostEvents.TOPIC)
public final class SaveEvents {

	private SaveEvents() {
	}

	@EventType("PostSaved")
	public record PostSaved(String postId, UUID postAuthorId, UUID userId, Instant savedAt) {
	}
}
