package io.tiercache.admin.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdminUsersTest {

    private static final String HASH = "PBKDF2WithHmacSHA256:2048:c2FsdA==:aGFzaA==";
    private static final String OTHER_HASH = "PBKDF2WithHmacSHA512:3072:c2FsdDI=:aGFzaDI=";

    @Test
    void noConfigurationMeansNoUser() {
        AdminUsers users = AdminUsers.parse(Optional.empty(), Optional.of(" "), Optional.of(""));
        assertTrue(users.isEmpty());
        assertTrue(users.user("admin").isEmpty());
    }

    @Test
    void theAdminUserHasTheCacheAdminRole() {
        AdminUsers users = AdminUsers.parse(Optional.of("root"), Optional.of(HASH), Optional.empty());
        AdminUsers.User root = users.user("root").orElseThrow();
        assertEquals(HASH, root.passwordHash());
        assertEquals(Set.of(AdminRoles.CACHE_ADMIN), root.roles());
        assertFalse(root.toString().contains(HASH), "a hash is never logged");
    }

    @Test
    void theListGivesNamesHashesAndRoles() {
        AdminUsers users = AdminUsers.parse(Optional.of("root"), Optional.of(HASH),
                Optional.of(" ops:" + OTHER_HASH + ":cache-admin|auditor , viewer:" + HASH + ":reader"));
        assertEquals(3, users.size());
        assertEquals(Set.of("cache-admin", "auditor"), users.user("ops").orElseThrow().roles());
        assertEquals(OTHER_HASH, users.user("ops").orElseThrow().passwordHash());
        assertEquals(Set.of("reader"), users.user("viewer").orElseThrow().roles());
    }

    @Test
    void rejectsIncompleteOrMalformedEntries() {
        assertThrows(IllegalArgumentException.class,
                () -> AdminUsers.parse(Optional.of("root"), Optional.empty(), Optional.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> AdminUsers.parse(Optional.of("root"), Optional.of("plain-password"), Optional.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> AdminUsers.parse(Optional.empty(), Optional.empty(), Optional.of("ops:" + HASH)));
        assertThrows(IllegalArgumentException.class,
                () -> AdminUsers.parse(Optional.empty(), Optional.empty(), Optional.of("ops:" + HASH + ":")));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> AdminUsers.parse(
                Optional.of("root"), Optional.of(HASH), Optional.of("root:" + HASH + ":reader")));
        assertFalse(twice.getMessage().contains(HASH));
    }
}
