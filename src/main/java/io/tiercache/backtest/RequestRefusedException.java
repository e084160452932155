package io.tiercache.backtest;

/**
 * A request the application refuses, with what a client needs to know: the kind of RFC 9457 problem
 * ({@code urn:tiercache:problem:<kind>}), its title, the HTTP status, and the request field at fault with what is
 * wrong with it (none for a refusal of the whole request). The message is the problem's detail, in words fit for a client.
 * Thrown by the domain and the simulation; the API answers each with one {@code application/problem+json}.
 */
public abstract class RequestRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String title;
    private final int status;
    private final String field;
    private final String fieldMessage;

    /**
     * @param field        the request field at fault; null when the whole request is
     * @param fieldMessage what is wrong with {@code field}; null when {@code field} is
     */
    protected RequestRefusedException(String kind, String title, int status, String message, String field,
            String fieldMessage, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.title = title;
        this.status = status;
        this.field = field;
        this.fieldMessage = fieldMessage;
    }

    /** The kind of problem, e.g. {@code not-found}: the last part of its type URI. */
    public String kind() {
        return kind;
    }

    /** The problem's title, the same for every problem of its kind. */
    public String title() {
        return title;
    }

    /** The HTTP status code of the response. */
    public int status() {
        return status;
    }

    /** The request field at fault (a record component name, e.g. {@code "from"}); null when none. */
    public String field() {
        return field;
    }

    /** What is wrong with {@link #field()}; null when there is no field. */
    public String fieldMessage() {
        return fieldMessage;
    }
}
