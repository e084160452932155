package fish.payara.cdi.jsr107;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import javax.cache.CacheManager;

/** Stands in for Payara Micro's producer of the same name, which produces its own {@link CacheManager}. */
public class JSR107Producer {

    @Produces
    @Dependent
    CacheManager cacheManager() {
        throw new IllegalStateException("Payara's cache manager must not be used");
    }
}
