package io.tiercache.backtest.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API, under {@code /api}. */
@ApplicationPath("api")
public final class RestApplication extends Application {
}
