package app.mosaic.platform.web;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of a list, as every list in the API answers: {@code {items, nextCursor}}, with the cursor null (never
 * absent) on the last page. Cursors are the (time-ordered) position of the last item shown; the next page
 * starts below it.
 */
public record Page<T>(List<T> items, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {

	public static final int DEFAULT_LIMIT = 20;
	public static final int MAX_LIMIT = 50;

	/**
	 * @param rows up to {@code limit + 1} rows, newest first: the extra one only tells that more exist
	 * @param position each row's cursor position
	 */
	public static <R, T> Page<T> of(List<R> rows, int limit, Function<R, T> view, ToLongFunction<R> position) {
		boolean more = rows.size() > limit;
		List<R> shown = more ? rows.subList(0, limit) : rows;
		return new Page<>(shown.stream().map(view).toList(),
				more ? Long.toString(position.applyAsLong(shown.get(shown.size() - 1))) : null);
	}

	/** A list that is complete in one answer. */
	public static <T> Page<T> complete(List<T> items) {
		return new Page<>(items, null);
	}
}
