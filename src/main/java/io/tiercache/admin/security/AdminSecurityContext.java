package io.tiercache.admin.security;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Set;

/** The JAX-RS security context of an authenticated admin request: its user and roles, by HTTP Basic. */
record AdminSecurityContext(Principal user, Set<String> roles, boolean secure) implements SecurityContext {

    AdminSecurityContext {
        roles = Set.copyOf(roles);
    }

    @Override
    public Principal getUserPrincipal() {
        return user;
    }

    @Override
    public boolean isUserInRole(String role) {
        return roles.contains(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return BASIC_AUTH;
    }
}
