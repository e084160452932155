package io.tiercache.admin.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/** The application's one {@link LoginThrottle}, shared by {@link AdminLoginTarpit} and the authentication filter. */
@ApplicationScoped
public class LoginThrottleProducer {

    @Produces
    @Singleton
    LoginThrottle throttle(Config config) {
        return LoginThrottle.of(config);
    }
}
