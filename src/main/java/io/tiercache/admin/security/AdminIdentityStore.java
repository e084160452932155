package io.tiercache.admin.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import java.lang.System.Logger.Level;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The identity store of the cache admin API: the users of {@link AdminUsers}, passwords checked by
 * {@link Pbkdf2Hash}. An invalid configuration is logged and leaves no user, so the API refuses everyone rather than
 * failing the deployment. Thread-safe.
 */
@ApplicationScoped
public class AdminIdentityStore {

    private static final System.Logger LOG = System.getLogger(AdminIdentityStore.class.getName());

    @Inject
    Config config;

    private AdminUsers users;
    private String unknownUserHash;

    @PostConstruct
    void load() {
        try {
            users = AdminUsers.parse(config.getOptionalValue("tiercache.admin.username", String.class),
                    config.getOptionalValue("tiercache.admin.password-hash", String.class),
                    config.getOptionalValue("tiercache.admin.users", String.class));
        } catch (IllegalArgumentException e) {
            LOG.log(Level.ERROR, "The cache admin users are misconfigured, so none is accepted: {0}",
                    e.getMessage());
            users = AdminUsers.parse(Optional.empty(), Optional.empty(), Optional.empty());
        }
        unknownUserHash = users.any().map(AdminUsers.User::passwordHash).orElse(null);
    }

    /** How many users are configured. */
    int users() {
        return users.size();
    }

    /**
     * The user of a user name and password, when the password is that user's. An unknown user costs the
     * verification of a configured user's hash too, so that response times do not tell which user names exist.
     */
    Optional<AdminUsers.User> validate(UsernamePasswordCredential credential) {
        Optional<AdminUsers.User> user = users.user(credential.getCaller());
        String hash = user.map(AdminUsers.User::passwordHash).orElse(unknownUserHash);
        boolean valid = hash != null && Pbkdf2Hash.verify(credential.getPassword().getValue(), hash);
        return valid ? user : Optional.empty();
    }
}
