/**
 * The cache engine's meters in MicroProfile Metrics (Payara). Its beans exist only where the MicroProfile Metrics
 * API is (an exclusion in {@code WEB-INF/beans.xml}), so no other server tries to link these classes.
 */
package io.tiercache.observability.microprofile;
