package app.mosaic.platform.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The JSON every service reads: no guessing between types ({@code "private": 1} is not {@code true},
 * {@code "rotate": "90"} is not {@code 90}, an enum is never read from its index), no trailing content, and
 * every string checked by {@link Text} and normalised. Errors name the field and never echo the input.
 */
public final class StrictJson {

	private StrictJson() {
	}

	public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
		return builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.addModule(module());
	}

	public static JacksonModule module() {
		return new SimpleModule("mosaic-text").addDeserializer(String.class, new CheckedStringDeserializer());
	}

	/** The field a databinding failure is about, as a JSON path ({@code location.name}, {@code mediaIds[2]}). */
	public static String field(DatabindException e) {
		StringBuilder path = new StringBuilder();
		for (var reference : e.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	/** What is wrong, in words that never repeat what the client sent. */
	public static String message(DatabindException e) {
		if (e instanceof RefusedText refused) {
			return refused.reason;
		}
		if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			Class<?> type = mismatch.getTargetType();
			if (type == Boolean.class || type == boolean.class) {
				return "must be true or false";
			}
			if (type.isEnum()) {
				return "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
					.collect(Collectors.joining(", "));
			}
			if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
				return "must be a number";
			}
			if (type == String.class) {
				return "must be a string";
			}
			if (type.isArray() || Collection.class.isAssignableFrom(type)) {
				return "must be a list";
			}
			if (Map.class.isAssignableFrom(type) || type.isRecord()) {
				return "must be an object";
			}
		}
		return "has the wrong type or form";
	}

	/** Strings through {@link Text}: refused with the reason, or normalised. */
	static final class CheckedStringDeserializer extends StdScalarDeserializer<String> {

		CheckedStringDeserializer() {
			super(String.class);
		}

		@Override
		public String deserialize(JsonParser p, DeserializationContext context) {
			if (!p.hasToken(JsonToken.VALUE_STRING)) {
				// a number or boolean is not read as its text: "caption": 5 is a mistake, not "5"
				return (String) context.handleUnexpectedToken(String.class, p);
			}
			String value = StringDeserializer.instance.deserialize(p, context);
			if (value == null) {
				return null;
			}
			String problem = Text.problem(value);
			if (problem != null) {
				throw new RefusedText(p, problem);
			}
			return Text.normalize(value);
		}
	}

	/** A string {@link Text} refuses; its message is the reason, never the value. */
	static final class RefusedText extends InvalidFormatException {

		private final String reason;

		RefusedText(JsonParser p, String reason) {
			super(p, reason, null, String.class);
			this.reason = reason;
		}
	}
}
