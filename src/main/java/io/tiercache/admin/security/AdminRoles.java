package io.tiercache.admin.security;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.lang.System.Logger.Level;

/** The role of the cache admin API; says at startup whether any admin user is configured. */
@WebListener
public final class AdminRoles implements ServletContextListener {

    /** The role that the cache admin API requires. */
    public static final String CACHE_ADMIN = "cache-admin";

    private static final System.Logger LOG = System.getLogger(AdminRoles.class.getName());

    @Inject
    AdminIdentityStore identityStore;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        int users = identityStore.users();
        if (users == 0) {
            LOG.log(Level.WARNING, "No cache admin user is configured (tiercache.admin.username and "
                    + "tiercache.admin.password-hash, or tiercache.admin.users): every request to /api/cache is "
                    + "refused with 401");
        } else {
            LOG.log(Level.INFO, users + " cache admin user(s) configured");
        }
    }
}
