package io.tiercache.admin.security;

import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** The role of the cache admin API; says at startup whether any admin user is configured. */
@WebListener
public final class AdminRoles implements ServletContextListener {

    /** The role that the cache admin API requires. */
    public static final String CACHE_ADMIN = "cache-admin";

    private static final Logger LOG = Logger.getLogger(AdminRoles.class.getName());

    @Inject
    AdminIdentityStore identityStore;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        int users = identityStore.users();
        if (users == 0) {
            LOG.warning("No cache admin user is configured (tiercache.admin.username and "
                    + "tiercache.admin.password-hash, or tiercache.admin.users): every request to /api/cache is "
                    + "refused with 401");
        } else {
            LOG.info(users + " cache admin user(s) configured");
        }
    }
}
