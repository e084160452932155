package io.tiercache.problem;

import java.util.List;

/** A request body the API cannot read as the JSON it expects; answered with 400 naming the fields at fault. */
public final class InvalidBodyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    /** {@code errors} is not empty; use the field {@code body} for the body as a whole. */
    public InvalidBodyException(List<FieldError> errors) {
        super(errors.get(0).field() + " " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
