package io.tiercache.problem;

/** One field-level message of a problem: the request field (a JSON property or a query parameter) and why. */
public record FieldError(String field, String message) {
}
