package io.tiercache.problem;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a request body that could not be read as JSON (syntax errors, wrong value types) and describes it
 * as a 400 problem, naming the JSON property when the parser's message does.
 */
final class MalformedRequestBody {

    private static final Pattern PROPERTY = Pattern.compile("property '?([A-Za-z_$][\\w$]*)'?");

    private MalformedRequestBody() {
    }

    /** The problem of a request that has no body where one is required. */
    static Problem missing(String instance) {
        return Problem.of("malformed-body", "Malformed request body", 400, "The request body is missing",
                instance, List.of(new FieldError("body", "is required")));
    }

    /** The problem, when {@code failure} or one of its causes is a JSON-B or JSON-P parsing failure. */
    static Optional<Problem> problem(Throwable failure, String instance) {
        List<String> messages = new ArrayList<>();
        boolean json = false;
        for (Throwable t = failure; t != null && messages.size() < 10; t = t.getCause()) {
            json |= t instanceof JsonbException || t instanceof JsonException;
            if (t.getMessage() != null) {
                messages.add(t.getMessage());
            }
        }
        if (!json) {
            return Optional.empty();
        }
        String field = messages.stream()
                .map(PROPERTY::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .findFirst()
                .orElse("body");
        String message = "body".equals(field) ? "is not valid JSON for this resource" : "has a value of the wrong type";
        return Optional.of(Problem.of("malformed-body", "Malformed request body", 400,
                "The request body could not be read as JSON: " + field + " " + message, instance,
                List.of(new FieldError(field, message))));
    }
}
