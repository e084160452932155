package io.tiercache.backtest.api;

import io.tiercache.problem.InvalidParameterException;

/**
 * Paging query parameters, parsed and checked here (not by the JAX-RS runtime, which would answer 404 for a
 * parameter that is not a number): {@code page} from 0 (default 0), {@code size} 1 to {@value #MAX_SIZE}
 * (default {@value #DEFAULT_SIZE}).
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** Parses the raw parameters; {@code null} or blank means the default. */
    public static PageRequest parse(String page, String size) {
        int p = parse("page", page, 0);
        int s = parse("size", size, DEFAULT_SIZE);
        if (p < 0) {
            throw new InvalidParameterException("page", "must be greater than or equal to 0");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new InvalidParameterException("size", "must be between 1 and " + MAX_SIZE);
        }
        if ((long) p * s > Integer.MAX_VALUE) {
            throw new InvalidParameterException("page", "is too large for this page size");
        }
        return new PageRequest(p, s);
    }

    public int offset() {
        return page * size;
    }

    private static int parse(String name, String value, int defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, "must be an integer");
        }
    }
}
