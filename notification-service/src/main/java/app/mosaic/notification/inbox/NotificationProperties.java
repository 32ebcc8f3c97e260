package app.mosaic.notification.inbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notifications group and last ({@code mosaic.notifications.*}).
 *
 * @param followWindow follows of one person within this long of the first are one notification ("ana and 3 others
 * started following you")
 * @param unfollowTakesBack an unfollow this soon after the follow takes its notification back
 * @param retention notifications whose latest activity is older are deleted
 * @param purgeInterval how often the clean-up job runs
 */
@ConfigurationProperties("mosaic.notifications")
public record NotificationProperties(@DefaultValue("1h") Duration followWindow, @DefaultValue("10m") Duration unfollowTakesBack,
		@DefaultValue("90d") Duration retention, @DefaultValue("1h") Duration purgeInterval) {
}
