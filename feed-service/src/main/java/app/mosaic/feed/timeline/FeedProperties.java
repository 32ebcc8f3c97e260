package app.mosaic.feed.timeline;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How timelines are built ({@code mosaic.feed.*}).
 *
 * @param timelineSize entries kept per timeline, newest first (Mastodon keeps 800)
 * @param fanOutLimit authors with more followers than this are not fanned out; their posts are merged into each
 * page at read time, so one post never costs millions of writes
 * @param backfill how many of a followee's recent posts a new follow brings into the follower's timeline
 * @param inactiveAfter people who have not read their feed for this long are skipped at fan-out, and their
 * timeline is rebuilt at their next read
 * @param exploreWindow how recent a post must be to be shown on explore
 * @param trendingMinPosts a hashtag trends only once this many public posts used it in the last day
 */
@ConfigurationProperties("mosaic.feed")
public record FeedProperties(@DefaultValue("800") int timelineSize, @DefaultValue("10000") int fanOutLimit,
		@DefaultValue("20") int backfill, @DefaultValue("30d") Duration inactiveAfter,
		@DefaultValue("7d") Duration exploreWindow, @DefaultValue("3") int trendingMinPosts) {
}
