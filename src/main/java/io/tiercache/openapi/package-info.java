/**
 * Serves the API's OpenAPI 3 document ({@code META-INF/openapi.yaml}) as written, at {@code /openapi.yaml}.
 */
package io.tiercache.openapi;
