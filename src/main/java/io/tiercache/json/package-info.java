/**
 * Strict reading of JSON request bodies: {@link io.tiercache.json.StrictBodyReader} reads a body into a
 * {@link io.tiercache.json.StrictBody} record with {@link io.tiercache.json.StrictRecordReader} (JSON-P streaming,
 * the same on every server), refusing invalid UTF-8, unknown or repeated names and numbers the field does not hold
 * exactly; each refusal is a problem of {@code io.tiercache.problem} naming its field.
 */
package io.tiercache.json;
