package io.tiercache.cache.management;

import java.lang.management.ManagementFactory;

import javax.cache.CacheException;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Registers the JCache MXBeans of a cache in the platform MBean server under the standard names
 * {@code javax.cache:type=CacheStatistics|CacheConfiguration,CacheManager=<uri>,Cache=<name>}.
 */
public final class MBeans {

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
                    + ",Cache=" + sanitize(cacheName));
        } catch (JMException e) {
            throw new CacheException("Invalid MBean name for cache " + cacheName, e);
        }
    }

    private static String sanitize(String text) {
        return text == null ? "" : text.replaceAll("[,:=\n*?\"]", ".");
    }
}
