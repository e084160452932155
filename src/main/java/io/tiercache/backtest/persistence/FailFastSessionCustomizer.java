package io.tiercache.backtest.persistence;

import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * EclipseLink (Payara's JPA provider) without its own retries of a query that failed to reach the database: by
 * default it retries such a query 3 times, 5 s apart, so a request waited 10 s when the database was down before
 * failing. The server's connection pool already hands out only validated connections and reconnects once the
 * database is back, so a query that cannot reach it fails at once and the request is answered 503 with
 * {@code Retry-After} (docs/configuration.md#database). Named in {@code META-INF/persistence.xml}
 * ({@code eclipselink.session.customizer}); other providers (Hibernate on WildFly) ignore it.
 */
public final class FailFastSessionCustomizer implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        DatabaseLogin login = session.getLogin();
        if (login != null) {
            login.setQueryRetryAttemptCount(0);
            login.setDelayBetweenConnectionAttempts(0);
        }
    }
}
