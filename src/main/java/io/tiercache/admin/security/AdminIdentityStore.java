package io.tiercache.admin.security;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.eclipse.microprofile.config.Config;

/**
 * The identity store of the cache admin API: the users of {@link AdminUsers}, passwords checked with Jakarta
 * Security's {@link Pbkdf2PasswordHash}; a user's roles are its groups. An invalid configuration is logged and
 * leaves no user, so the API refuses everyone rather than failing the deployment. Thread-safe.
 */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(AdminIdentityStore.class.getName());

    @Inject
    Config config;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    private AdminUsers users;
    private String unknownUserHash;

    @PostConstruct
    void load() {
        try {
            users = AdminUsers.parse(config.getOptionalValue("tiercache.admin.username", String.class),
                    config.getOptionalValue("tiercache.admin.password-hash", String.class),
                    config.getOptionalValue("tiercache.admin.users", String.class));
        } catch (IllegalArgumentException e) {
            LOG.log(Level.SEVERE, "The cache admin users are misconfigured, so none is accepted: {0}",
                    e.getMessage());
            users = AdminUsers.parse(Optional.empty(), Optional.empty(), Optional.empty());
        }
        unknownUserHash = users.any().map(AdminUsers.User::passwordHash)
                .orElseGet(() -> passwordHash.generate("unknown-user".toCharArray()));
    }

    /** How many users are configured. */
    int users() {
        return users.size();
    }

    /**
     * Validates a user name and password (a {@link UsernamePasswordCredential} or a subclass such as Basic
     * credentials); other credentials are not validated here. An unknown user costs the verification of a
     * configured user's hash too, so that response times do not tell which user names exist.
     */
    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential password)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return validate(password);
    }

    private CredentialValidationResult validate(UsernamePasswordCredential credential) {
        Optional<AdminUsers.User> user = users.user(credential.getCaller());
        boolean valid = passwordHash.verify(credential.getPassword().getValue(),
                user.map(AdminUsers.User::passwordHash).orElse(unknownUserHash));
        if (user.isEmpty() || !valid) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(user.get().name(), user.get().roles());
    }
}
