package io.tiercache.cache.management;

import java.lang.management.ManagementFactory;
import java.util.regex.Pattern;
import javax.cache.CacheException;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Registers the JCache MXBeans of a cache in the platform MBean server under the standard names
 * {@code javax.cache:type=CacheStatistics|CacheConfiguration,CacheManager=<uri>,Cache=<name>}. The URI has
 * {@code ,:=*?"} and newlines replaced by {@code .}, the way JSR-107 tools compute it; the cache name is used as is
 * when it has none of them, and {@linkplain ObjectName#quote quoted} otherwise, so that every cache of a manager has
 * names of its own (a quoted value starts with {@code "}, which no unquoted one contains).
 */
public final class MBeans {

    private static final Pattern SPECIAL = Pattern.compile("[,:=\n*?\"]");

    private MBeans() {
    }

    public static void register(Object bean, String type, String managerUri, String cacheName) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = name(type, managerUri, cacheName);
        try {
            if (!server.isRegistered(name)) {
                server.registerMBean(bean, name);
            }
        } catch (InstanceAlreadyExistsException e) {
            // registered concurrently by the same cache
        } catch (JMException e) {
            throw new CacheException("Cannot register " + name, e);
        }
    }

    public static void unregister(String type, String managerUri, String cacheName) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = name(type, managerUri, cacheName);
        try {
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
        } catch (JMException e) {
            throw new CacheException("Cannot unregister " + name, e);
        }
    }

    private static ObjectName name(String type, String managerUri, String cacheName) {
        try {
            return new ObjectName("javax.cache:type=" + type + ",CacheManager=" + sanitize(managerUri)
                    + ",Cache=" + value(cacheName));
        } catch (JMException e) {
            throw new CacheException("Invalid MBean name for cache " + cacheName, e);
        }
    }

    private static String sanitize(String text) {
        return text == null ? "" : SPECIAL.matcher(text).replaceAll(".");
    }

    private static String value(String cacheName) {
        return SPECIAL.matcher(cacheName).find() ? ObjectName.quote(cacheName) : cacheName;
    }
}
