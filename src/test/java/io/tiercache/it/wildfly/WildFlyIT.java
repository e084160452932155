package io.tiercache.it.wildfly;

import java.util.List;
import java.util.Map;

/** The smoke suite on WildFly 39 configured by {@code tiercache.cli} alone: its default datasource (H2). */
class WildFlyIT extends WildFlySmoke {

    @Override
    Map<String, List<String>> moreScripts() {
        return Map.of();
    }

    @Override
    Map<String, String> environment() {
        return Map.of();
    }
}
