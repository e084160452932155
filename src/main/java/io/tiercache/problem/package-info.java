/**
 * RFC 9457 problem details for every error the WAR answers: {@link io.tiercache.problem.Problem} (the document, as
 * {@code application/problem+json}), the exception mappers of the platform's errors (validation, malformed bodies and
 * parameters, JAX-RS and JSON-B failures, an unreachable database as 503, anything unexpected as 500 with an incident
 * id), and the servlet error page for paths outside the REST API. Knows nothing of the application.
 */
package io.tiercache.problem;
