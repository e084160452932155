/**
 * Misses on one member: single flight (one load per key at a time) and the fences that stop a load an invalidation
 * overtook from storing its value, or from being joined by a read that starts after the invalidation. Lock-free
 * except for each flight's publish monitor; loaders run on the caller's thread. Checked by Lincheck.
 */
package io.tiercache.cache.load;
