/**
 * Entity-change invalidation: a JPA entity listener fires an {@link io.tiercache.invalidation.EntityChange} per
 * insert, update and delete; after a successful commit it removes the views that
 * {@link io.tiercache.invalidation.InvalidationRules} names, on every instance.
 */
package io.tiercache.invalidation;
