/**
 * The cache engine's meters in Micrometer (WildFly, whose micrometer subsystem gives deployments its
 * {@code MeterRegistry}). Its beans exist only where the Micrometer API is (an exclusion in
 * {@code WEB-INF/beans.xml}), so no other server tries to link these classes.
 */
package io.tiercache.observability.micrometer;
