package app.mosaic.post.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import app.mosaic.platform.web.ApiProblem;

class CaptionTests {

	@Test
	void findsHashtagsInAnyScriptInLowerCaseOnce() {
		Caption c = Caption.of("Sunset in #Lisboa, #lisboa again! #café #東京 #नमस्ते #under_score #2024 #a1");
		assertThat(c.hashtags()).containsExactly("lisboa", "café", "東京", "नमस्ते", "under_score", "a1");
	}

	@Test
	void hashtagsEndAtPunctuationAndNeedABoundaryBefore() {
		assertThat(Caption.of("#one.#two,#three! a#four ##five #six-seven (#eight)").hashtags())
			.containsExactly("one", "three", "six", "eight");
	}

	@Test
	void mentionsAreUsernamesNotEmailAddresses() {
		Caption c = Caption.of("Thanks @Ana.Silva and @bob_99. Write to ana@example.com or @ @x@y (@cleo)");
		assertThat(c.mentionedUsernames()).containsExactly("ana.silva", "bob_99", "cleo");
	}

	@Test
	void aNameLongerThanAnyUsernameIsNoMention() {
		assertThat(Caption.of("@" + "a".repeat(31)).mentionedUsernames()).isEmpty();
		assertThat(Caption.of("@" + "a".repeat(30)).mentionedUsernames()).containsExactly("a".repeat(30));
	}

	@Test
	void countsEmojiAsOneCharacter() {
		assertThat(Caption.of("😀".repeat(2_200)).text()).hasSize(4_400);
		assertThatThrownBy(() -> Caption.of("😀".repeat(2_201))).isInstanceOf(ApiProblem.class).hasMessageContaining("2200");
		assertThatThrownBy(() -> Caption.of("a".repeat(2_201))).isInstanceOf(ApiProblem.class);
	}

	@Test
	void refusesMoreThanThirtyDistinctHashtags() {
		StringBuilder thirty = new StringBuilder();
		for (int i = 0; i < 30; i++) {
			thirty.append(" #tag").append(i);
		}
		assertThat(Caption.of(thirty + " #tag0 #TAG1").hashtags()).hasSize(30);
		assertThatThrownBy(() -> Caption.of(thirty + " #tag30")).isInstanceOf(ApiProblem.class).hasMessageContaining("30 hashtags");
	}

	@Test
	void commentsNeedText() {
		assertThatThrownBy(() -> Caption.comment("   ")).isInstanceOf(ApiProblem.class);
		assertThat(Caption.comment("  hi @ana  ").text()).isEqualTo("hi @ana");
	}
}
