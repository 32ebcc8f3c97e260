package app.mosaic.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class PageRequestTests {

	@Test
	void startsAtTheNewestWithTheDefaultLimit() {
		PageRequest page = PageRequest.of(null, null);
		assertThat(page.before()).isEqualTo(Long.MAX_VALUE);
		assertThat(page.limit()).isEqualTo(20);
		assertThat(page.fetch()).isEqualTo(21);
	}

	@Test
	void readsBelowTheCursorItWasGiven() {
		assertThat(PageRequest.of("7402938475629999", "5")).isEqualTo(new PageRequest(7402938475629999L, 5));
	}

	@Test
	void namesTheParameterThatIsWrong() {
		assertThatThrownBy(() -> PageRequest.of(null, "51")).isInstanceOf(PageRequest.InvalidParameterException.class)
			.extracting(e -> ((PageRequest.InvalidParameterException) e).parameter()).isEqualTo("limit");
		assertThatThrownBy(() -> PageRequest.of(null, "0")).isInstanceOf(PageRequest.InvalidParameterException.class);
		assertThatThrownBy(() -> PageRequest.of(null, "ten")).isInstanceOf(PageRequest.InvalidParameterException.class);
		for (String cursor : List.of("abc", "-5", "0", "99999999999999999999")) {
			assertThatThrownBy(() -> PageRequest.of(cursor, null)).as(cursor)
				.isInstanceOf(PageRequest.InvalidParameterException.class)
				.extracting(e -> ((PageRequest.InvalidParameterException) e).parameter()).isEqualTo("cursor");
		}
	}

	@Test
	void pagesOneMoreRowThanItShowsIntoANextCursor() {
		PageRequest page = PageRequest.of(null, "2");
		Page<String> full = page.page(List.of(30L, 20L, 10L), n -> "item" + n, n -> n);
		assertThat(full.items()).containsExactly("item30", "item20");
		assertThat(full.nextCursor()).isEqualTo("20");
		assertThat(page.page(List.of(30L), n -> "item" + n, n -> n).nextCursor()).isNull();
	}
}
