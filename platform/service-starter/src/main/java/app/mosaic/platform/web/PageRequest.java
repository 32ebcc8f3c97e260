package app.mosaic.platform.web;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The page a list request asks for, {@code ?cursor=&limit=}, parsed and checked once for every list endpoint:
 * declare it as a controller parameter. An absent cursor starts at the newest item; a limit outside 1..50 or a
 * cursor the API never gave out answers 400 with the field named.
 *
 * @param before the cursor position to read below ({@link Long#MAX_VALUE} for the first page)
 * @param limit how many items to show (default 20)
 */
public record PageRequest(long before, int limit) {

	public static final String CURSOR = "cursor";
	public static final String LIMIT = "limit";

	public PageRequest {
		if (limit < 1 || limit > Page.MAX_LIMIT) {
			throw new InvalidParameterException(LIMIT, "must be between 1 and " + Page.MAX_LIMIT);
		}
	}

	public static PageRequest of(String cursor, String limit) {
		return new PageRequest(before(cursor), limit(limit));
	}

	/** Rows to ask the store for: one more than shown tells whether another page exists. */
	public int fetch() {
		return limit + 1;
	}

	/** The page of up to {@link #fetch()} rows, newest first, with the cursor of the last one shown. */
	public <R, T> Page<T> page(List<R> rows, Function<R, T> view, ToLongFunction<R> position) {
		return Page.of(rows, limit, view, position);
	}

	private static long before(String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return Long.MAX_VALUE;
		}
		try {
			long position = Long.parseLong(cursor.strip());
			if (position > 0) {
				return position;
			}
		}
		catch (NumberFormatException e) {
			// answered below
		}
		throw new InvalidParameterException(CURSOR, "is not valid; use the nextCursor of the previous page");
	}

	private static int limit(String limit) {
		if (limit == null || limit.isBlank()) {
			return Page.DEFAULT_LIMIT;
		}
		try {
			return Integer.parseInt(limit.strip());
		}
		catch (NumberFormatException e) {
			throw new InvalidParameterException(LIMIT, "must be a whole number between 1 and " + Page.MAX_LIMIT);
		}
	}

	/** A query parameter that is not valid: answered 400 with the parameter in {@code errors}. */
	public static class InvalidParameterException extends RuntimeException {

		private final String parameter;

		public InvalidParameterException(String parameter, String message) {
			super(message);
			this.parameter = parameter;
		}

		public String parameter() {
			return parameter;
		}
	}
}
