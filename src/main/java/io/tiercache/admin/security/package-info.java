/**
 * Security of the cache admin API, in filters bound to its resources only (no other request pays for it):
 * HTTP Basic ({@link io.tiercache.admin.security.AdminAuthenticationFilter}), users from configuration with PBKDF2
 * password hashes ({@link io.tiercache.admin.security.AdminIdentityStore}, {@link io.tiercache.admin.security.AdminUsers}),
 * and the role {@code cache-admin} checked by {@link io.tiercache.admin.security.AdminAccessFilter}: 401 without
 * valid credentials, 403 without the role, {@code Cache-Control: no-store} on every admin response. Repeated
 * failures are throttled ({@link io.tiercache.admin.security.LoginThrottle}) and their refusals shed before the REST
 * stack and sent late ({@link io.tiercache.admin.security.AdminLoginTarpit}, a servlet filter). No credentials are
 * built in: with none configured, every admin request is refused.
 */
package io.tiercache.admin.security;
