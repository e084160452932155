package io.tiercache.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An RFC 9110 entity tag (section 8.8.3): an opaque string, weak or strong. {@link #toString()} is its header form
 * ({@code "abc"} or {@code W/"abc"}). Not {@code jakarta.ws.rs.core.EntityTag}, which has neither the strong and
 * weak comparisons (section 8.8.3.2) nor a parser of {@code If-Match} lists, and whose header form is the JAX-RS
 * runtime's; resources that only set a tag use that one.
 */
public record EntityTagValue(String opaque, boolean weak) {

    public EntityTagValue {
        if (!isOpaque(opaque)) {
            throw new IllegalArgumentException("Not an entity-tag value: " + opaque);
        }
    }

    /** A strong tag. */
    public static EntityTagValue strong(String opaque) {
        return new EntityTagValue(opaque, false);
    }

    /** Weak comparison: the opaque strings are equal, whether either is weak (for {@code If-None-Match}). */
    public boolean weakMatch(EntityTagValue other) {
        return opaque.equals(other.opaque);
    }

    /** Strong comparison: both strong and equal (for {@code If-Match}). */
    public boolean strongMatch(EntityTagValue other) {
        return !weak && !other.weak && opaque.equals(other.opaque);
    }

    @Override
    public String toString() {
        return (weak ? "W/\"" : "\"") + opaque + '"';
    }

    /**
     * Parses an {@code If-Match} or {@code If-None-Match} field value: {@code *} or a comma-separated list of
     * entity tags (empty list elements allowed). Empty when the value is malformed, which the caller ignores.
     */
    public static Optional<TagCondition> parseCondition(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String trimmed = value.strip();
        if (trimmed.equals("*")) {
            return Optional.of(TagCondition.ANY);
        }
        List<EntityTagValue> tags = new ArrayList<>();
        int i = 0;
        int n = trimmed.length();
        while (i < n) {
            char c = trimmed.charAt(i);
            if (c == ',' || c == ' ' || c == '\t') {
                i++;
                continue;
            }
            boolean weak = false;
            if (trimmed.startsWith("W/", i)) {
                weak = true;
                i += 2;
            }
            if (i >= n || trimmed.charAt(i) != '"') {
                return Optional.empty();
            }
            int close = trimmed.indexOf('"', i + 1);
            if (close < 0) {
                return Optional.empty();
            }
            String opaque = trimmed.substring(i + 1, close);
            if (!isOpaque(opaque)) {
                return Optional.empty();
            }
            tags.add(new EntityTagValue(opaque, weak));
            i = close + 1;
            while (i < n && (trimmed.charAt(i) == ' ' || trimmed.charAt(i) == '\t')) {
                i++;
            }
            if (i < n && trimmed.charAt(i) != ',') {
                return Optional.empty();
            }
        }
        return tags.isEmpty() ? Optional.empty() : Optional.of(new TagCondition(List.copyOf(tags)));
    }

    private static boolean isOpaque(String value) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean etagc = c == 0x21 || (c >= 0x23 && c <= 0x7E) || (c >= 0x80 && c <= 0xFF);
            if (!etagc) {
                return false;
            }
        }
        return true;
    }

    /** The value of an {@code If-Match} or {@code If-None-Match} field: {@code *} ({@link #ANY}) or a list. */
    public record TagCondition(List<EntityTagValue> tags) {

        /** {@code *}: any current representation. */
        public static final TagCondition ANY = new TagCondition(List.of());

        public TagCondition {
            tags = List.copyOf(tags);
        }

        public boolean isAny() {
            return tags.isEmpty();
        }

        /** {@code If-None-Match}: true when {@code current} (null: none) matches by weak comparison. */
        public boolean matchesWeakly(EntityTagValue current) {
            return current != null && (isAny() || tags.stream().anyMatch(current::weakMatch));
        }

        /** {@code If-Match}: true when {@code current} (null: none) matches by strong comparison. */
        public boolean matchesStrongly(EntityTagValue current) {
            return current != null && (isAny() || tags.stream().anyMatch(current::strongMatch));
        }
    }
}
