package io.tiercache.admin.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The users of the cache admin API, from configuration; none are built in. Immutable.
 *
 * <ul>
 *   <li>{@code tiercache.admin.username} and {@code tiercache.admin.password-hash}: one user with the role
 *       {@value AdminRoles#CACHE_ADMIN}</li>
 *   <li>{@code tiercache.admin.users}: more users, comma-separated, each {@code name:hash:role|role…}</li>
 * </ul>
 * A hash is a Jakarta Security {@code Pbkdf2PasswordHash} value,
 * {@code PBKDF2WithHmacSHA256:<iterations>:<base64 salt>:<base64 hash>} ({@code scripts/admin-password-hash.sh}
 * makes one). As environment variables: {@code TIERCACHE_ADMIN_USERNAME}, {@code TIERCACHE_ADMIN_PASSWORD_HASH},
 * {@code TIERCACHE_ADMIN_USERS}.
 */
final class AdminUsers {

    private final Map<String, User> users;

    private AdminUsers(Map<String, User> users) {
        this.users = Map.copyOf(users);
    }

    /**
     * Parses the configuration values (each may be absent or blank).
     *
     * @throws IllegalArgumentException naming the entry at fault, without its hash
     */
    static AdminUsers parse(Optional<String> username, Optional<String> passwordHash, Optional<String> list) {
        Map<String, User> users = new LinkedHashMap<>();
        Optional<String> name = username.map(String::trim).filter(s -> !s.isEmpty());
        Optional<String> hash = passwordHash.map(String::trim).filter(s -> !s.isEmpty());
        if (name.isPresent() != hash.isPresent()) {
            throw new IllegalArgumentException(
                    "tiercache.admin.username and tiercache.admin.password-hash must be set together");
        }
        name.ifPresent(n -> users.put(n, new User(n, checkedHash(n, hash.get()), Set.of(AdminRoles.CACHE_ADMIN))));
        list.ifPresent(text -> Stream.of(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(AdminUsers::entry)
                .forEach(user -> {
                    if (users.putIfAbsent(user.name(), user) != null) {
                        throw new IllegalArgumentException("Admin user " + user.name() + " is configured twice");
                    }
                }));
        return new AdminUsers(users);
    }

    private static User entry(String text) {
        int first = text.indexOf(':');
        int last = text.lastIndexOf(':');
        if (first <= 0 || last <= first + 1) {
            throw new IllegalArgumentException("tiercache.admin.users: an entry is not name:hash:roles");
        }
        String name = text.substring(0, first);
        Set<String> roles = Stream.of(text.substring(last + 1).split("\\|")).map(String::trim)
                .filter(r -> !r.isEmpty()).collect(Collectors.toUnmodifiableSet());
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("tiercache.admin.users: user " + name + " has no role");
        }
        return new User(name, checkedHash(name, text.substring(first + 1, last)), roles);
    }

    private static String checkedHash(String user, String hash) {
        String[] parts = hash.split(":");
        if (parts.length != 4 || !parts[0].startsWith("PBKDF2WithHmac") || !parts[1].matches("[0-9]+")) {
            throw new IllegalArgumentException("The password hash of admin user " + user
                    + " is not PBKDF2WithHmac<algorithm>:<iterations>:<salt>:<hash>");
        }
        return hash;
    }

    Optional<User> user(String name) {
        return Optional.ofNullable(users.get(name));
    }

    /** Some configured user, if there is one. */
    Optional<User> any() {
        return users.values().stream().findFirst();
    }

    boolean isEmpty() {
        return users.isEmpty();
    }

    int size() {
        return users.size();
    }

    /** A configured user: name, PBKDF2 password hash, roles (also its groups). */
    record User(String name, String passwordHash, Set<String> roles) {

        @Override
        public String toString() {
            return "User[" + name + ", roles=" + roles + "]";
        }
    }
}
