package app.mosaic.media.media;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Finishes deletions (also those a crash interrupted) and retires media nobody attached in time. */
@Component
class MediaJanitor {

	private static final Logger log = LoggerFactory.getLogger(MediaJanitor.class);

	private final MediaManagement management;

	MediaJanitor(MediaManagement management) {
		this.management = management;
	}

	@Scheduled(fixedDelayString = "${mosaic.media.purge-interval}", initialDelayString = "${mosaic.media.purge-interval}")
	void purge() {
		try {
			int removed = management.purge();
			if (removed > 0) {
				log.info("Removed {} media and their objects", removed);
			}
		}
		catch (RuntimeException e) {
			// S3 or the database is down: the marks stay, the next run continues
			log.warn("Media purge interrupted: {}", e.getMessage());
		}
	}

	@Scheduled(fixedDelayString = "${mosaic.media.orphan-sweep-interval}", initialDelayString = "${mosaic.media.orphan-sweep-interval}")
	void sweepOrphans() {
		management.forgetPastUploadWindows();
		int marked = management.markOrphans();
		if (marked > 0) {
			log.info("{} media were never attached and will be removed", marked);
		}
	}
}
