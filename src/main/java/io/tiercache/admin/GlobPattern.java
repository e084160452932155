package io.tiercache.admin;

import io.tiercache.problem.InvalidParameterException;

/**
 * Validates the key pattern of {@code DELETE /api/cache/{cache}/keys?pattern=}: a Redis glob ({@code *}, {@code ?},
 * {@code [abc]}, {@code [^a]}, {@code [a-z]}, {@code \} escapes) over the key text, at most {@value #MAX_LENGTH}
 * characters, printable ASCII only (space to {@code ~}), with every {@code [} closed and no dangling {@code \}.
 */
final class GlobPattern {

    static final int MAX_LENGTH = 256;
    static final String PARAMETER = "pattern";

    private GlobPattern() {
    }

    /** Returns {@code pattern} when it is valid; throws {@link InvalidParameterException} (400) otherwise. */
    static String validated(String pattern) {
        if (pattern == null || pattern.isEmpty()) {
            throw invalid("is required");
        }
        if (pattern.length() > MAX_LENGTH) {
            throw invalid("must be at most " + MAX_LENGTH + " characters long");
        }
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c < ' ' || c > '~') {
                throw invalid("may contain only printable ASCII characters");
            }
            if (c == '\\') {
                if (++i == pattern.length()) {
                    throw invalid("ends with an unescaped \\");
                }
                char escaped = pattern.charAt(i);
                if (escaped < ' ' || escaped > '~') {
                    throw invalid("may contain only printable ASCII characters");
                }
            } else if (c == '[' && !inClass) {
                inClass = true;
            } else if (c == ']' && inClass) {
                inClass = false;
            }
        }
        if (inClass) {
            throw invalid("has a [ without its closing ]");
        }
        return pattern;
    }

    private static InvalidParameterException invalid(String message) {
        return new InvalidParameterException(PARAMETER, message);
    }
}
