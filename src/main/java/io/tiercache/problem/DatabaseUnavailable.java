package io.tiercache.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Recognises a failure that means "the database cannot be reached" anywhere in an exception's cause chain (or among
 * the chained {@link SQLException}s): a connection-class SQLException ({@code SQLTransientConnectionException},
 * {@code SQLNonTransientConnectionException}, {@code SQLRecoverableException}, or any SQLState of class {@code 08},
 * which is what the PostgreSQL driver reports for a refused, broken or timed-out connection), or the connection pool
 * failing to hand out a connection ({@code jakarta.resource.ResourceException} / Payara's {@code PoolingException},
 * "Error in allocating a connection"). Matched by class name where the class belongs to the server, so the WAR does
 * not depend on it.
 */
public final class DatabaseUnavailable {

    /** The {@code Retry-After} of a 503 answered because the database is unavailable, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private static final int MAX_DEPTH = 64;

    private DatabaseUnavailable() {
    }

    /** Whether {@code exception} or one of its causes says the database cannot be reached. */
    public static boolean causedBy(Throwable exception) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        return matches(exception, seen, 0);
    }

    private static boolean matches(Throwable t, Map<Throwable, Boolean> seen, int depth) {
        if (t == null || depth > MAX_DEPTH || seen.put(t, Boolean.TRUE) != null) {
            return false;
        }
        if (isConnectionFailure(t)) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getNextException() != null
                && matches(sql.getNextException(), seen, depth + 1)) {
            return true;
        }
        return matches(t.getCause(), seen, depth + 1);
    }

    private static boolean isConnectionFailure(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && state.startsWith("08")) {
                return true;
            }
        }
        for (Class<?> type = t.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            String name = type.getName();
            if (name.equals("jakarta.resource.ResourceException")
                    || name.equals("com.sun.appserv.connectors.internal.api.PoolingException")
                    || name.equals("com.sun.enterprise.resource.pool.PoolingException")) {
                return true;
            }
        }
        String message = t.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("error in allocating a connection");
    }
}
