package io.tiercache.backtest.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The application's data source, {@code java:app/jdbc/tiercache}. Its driver class, URL, user and password come
 * from MicroProfile Config ({@code tiercache.datasource.class}, {@code .url}, {@code .user}, {@code .password};
 * environment variables {@code TIERCACHE_DATASOURCE_CLASS} and so on), with H2 defaults in
 * {@code META-INF/microprofile-config.properties}. Pointing them at PostgreSQL switches the database.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/tiercache",
        className = "${MPCONFIG=tiercache.datasource.class}",
        url = "${MPCONFIG=tiercache.datasource.url}",
        user = "${MPCONFIG=tiercache.datasource.user}",
        password = "${MPCONFIG=tiercache.datasource.password}",
        minPoolSize = 1,
        maxPoolSize = 16)
@Singleton
public class TiercacheDataSource {
}
