package io.tiercache.cache.annotation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.inject.spi.Extension;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The extension is registered as a CDI portable extension, so a container that deploys the WAR loads it. */
class ExtensionRegistrationTest {

    @Test
    void extensionIsAServiceProvider() {
        assertTrue(ServiceLoader.load(Extension.class, CacheAnnotationsExtension.class.getClassLoader()).stream()
                .anyMatch(provider -> provider.type() == CacheAnnotationsExtension.class));
    }
}
