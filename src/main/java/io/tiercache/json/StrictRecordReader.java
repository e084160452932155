package io.tiercache.json;

import io.tiercache.problem.FieldError;
import io.tiercache.problem.InvalidBodyException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a JSON object into a record, strictly: the body must be UTF-8 (a malformed sequence is an error, never a
 * replacement character) holding exactly one object whose names are the record's components, each at most once.
 * A component is {@code String}, {@code LocalDate} (a {@code yyyy-MM-dd} string), {@code Integer}, {@code Long},
 * {@code Double} or {@code BigDecimal}; a number must be one the type holds exactly (an integer within range,
 * whatever its form: {@code 1E1} and {@code 10.0} are 10; a double neither overflowing nor underflowing; a decimal
 * with an exponent within ±{@value #MAX_EXPONENT}), written in at most {@value #MAX_NUMBER_LENGTH} characters. A
 * missing name or {@code null} leaves the component null (Bean Validation decides). Strings must not hold U+0000
 * or an unpaired surrogate.
 *
 * <p>Every error found is reported at once as an {@link InvalidBodyException} naming its field ({@code body} for
 * the body as a whole), a repeated name once however often it repeats, at most {@value #MAX_ERRORS} of them. A
 * structured value where a component is expected, or under an unknown name, is skipped without recursion, so
 * nesting depth costs no stack. Thread-safe.
 */
public final class StrictRecordReader {

    static final int MAX_NUMBER_LENGTH = 64;
    static final int MAX_EXPONENT = 100;
    /** At most this many errors are listed (then one saying how many more): a body may hold millions of names. */
    static final int MAX_ERRORS = 50;

    private static final String BODY = "body";
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    private StrictRecordReader() {
    }

    /**
     * The record that {@code body} describes, or an {@link InvalidBodyException}; an empty body is an error too.
     *
     * @throws IOException when reading {@code body} fails other than by malformed UTF-8
     */
    public static <T extends Record> T read(Class<T> type, InputStream body) throws IOException {
        PushbackInputStream in = new PushbackInputStream(body, 1);
        int first = in.read();
        if (first < 0) {
            throw error(BODY, "is required");
        }
        in.unread(first);
        Reader utf8 = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        Map<String, RecordComponent> components = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            components.put(component.getName(), component);
        }
        Map<String, Object> values = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        try (JsonParser parser = PARSERS.createParser(utf8)) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw error(BODY, "must be a JSON object");
            }
            String unknown = "is not a property of this body (expected " + String.join(", ", components.keySet()) + ")";
            Set<String> seen = new HashSet<>();
            Set<String> repeated = new HashSet<>();
            for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
                String name = parser.getString();
                JsonParser.Event value = parser.next();
                RecordComponent component = components.get(name);
                if (!seen.add(name)) {
                    if (repeated.add(name)) {
                        errors.add(new FieldError(name, "appears more than once"));
                    }
                    skip(parser, value);
                } else if (component == null) {
                    errors.add(new FieldError(name, unknown));
                    skip(parser, value);
                } else {
                    convert(parser, value, component.getType(), name, errors).ifPresent(v -> values.put(name, v));
                }
            }
            if (parser.hasNext()) {
                parser.next();
                throw error(BODY, "must hold nothing after the JSON object");
            }
        } catch (InvalidBodyException e) {
            throw e;
        } catch (RuntimeException e) {
            // JsonException, and whatever else the parser throws at input it refuses (Parsson: a RuntimeException
            // past its nesting limit, NoSuchElementException at a premature end)
            if (causedByEncoding(e)) {
                throw error(BODY, "is not valid UTF-8");
            }
            if (e instanceof JsonException && e.getCause() instanceof IOException io) {
                throw io;
            }
            throw error(BODY, "is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (errors.size() > MAX_ERRORS) {
            List<FieldError> listed = new ArrayList<>(errors.subList(0, MAX_ERRORS));
            listed.add(new FieldError(BODY, "has " + (errors.size() - MAX_ERRORS) + " more errors, not listed"));
            throw new InvalidBodyException(listed);
        }
        if (!errors.isEmpty()) {
            throw new InvalidBodyException(errors);
        }
        return construct(type, values);
    }

    /** The value of a component, or empty (with an error added) when the JSON value cannot be one. */
    private static Optional<Object> convert(JsonParser parser, JsonParser.Event value, Class<?> type,
            String name, List<FieldError> errors) {
        if (value == JsonParser.Event.VALUE_NULL) {
            return Optional.empty();
        }
        String problem;
        if (type == String.class || type == LocalDate.class) {
            if (value != JsonParser.Event.VALUE_STRING) {
                problem = type == String.class ? "must be a JSON string" : "must be a date string yyyy-MM-dd";
            } else {
                String text = parser.getString();
                if (!wellFormed(text)) {
                    problem = "must not contain U+0000 or an unpaired surrogate";
                } else if (type == String.class) {
                    return Optional.of(text);
                } else {
                    try {
                        return Optional.of(LocalDate.parse(text));
                    } catch (DateTimeParseException e) {
                        problem = "must be a date yyyy-MM-dd";
                    }
                }
            }
        } else if (value != JsonParser.Event.VALUE_NUMBER) {
            problem = "must be a JSON number";
        } else {
            Numbers.Result result = Numbers.convert(parser.getString(), type);
            if (result.value() != null) {
                return Optional.of(result.value());
            }
            problem = result.problem();
        }
        errors.add(new FieldError(name, problem));
        skip(parser, value);
        return Optional.empty();
    }

    /** Skips the rest of a value that started with {@code event}, by counting, not recursing. */
    private static void skip(JsonParser parser, JsonParser.Event event) {
        if (event != JsonParser.Event.START_OBJECT && event != JsonParser.Event.START_ARRAY) {
            return;
        }
        long depth = 1;
        while (depth > 0) {
            JsonParser.Event next = parser.next();
            if (next == JsonParser.Event.START_OBJECT || next == JsonParser.Event.START_ARRAY) {
                depth++;
            } else if (next == JsonParser.Event.END_OBJECT || next == JsonParser.Event.END_ARRAY) {
                depth--;
            }
        }
    }

    private static <T extends Record> T construct(Class<T> type, Map<String, Object> values) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            arguments[i] = values.get(components[i].getName());
        }
        try {
            Constructor<T> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("The constructor of " + type.getName() + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + " has no accessible canonical constructor", e);
        }
    }

    private static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean causedByEncoding(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unexpected input";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static InvalidBodyException error(String field, String message) {
        return new InvalidBodyException(List.of(new FieldError(field, message)));
    }
}
