/**
 * JCache entry listeners of a tiered cache (JSR-107 &sect;8.4): their registrations, the events and their dispatch.
 */
package io.tiercache.cache.event;
