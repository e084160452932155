/**
 * The cache admin API, {@code /api/cache} ({@link io.tiercache.admin.CacheAdminResource}): statistics, health,
 * clear, delete by glob pattern and warm-up requests ({@link io.tiercache.admin.CacheWarmRequested}, a CDI event the
 * application's warmers observe). Errors are problem documents of {@code io.tiercache.problem}. Access control is
 * in {@code io.tiercache.admin.security}.
 */
package io.tiercache.admin;
