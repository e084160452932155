package io.tiercache.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * The {@code Date} header (RFC 9110, section 6.6.1) on every response of the REST API, errors included (the servlet
 * container's error pages, {@code problem.ErrorPageServlet}, date their own): Payara sends none of its own (WildFly's
 * Undertow does, and keeps the one set here). A JAX-RS filter, not a servlet filter: Payara takes a monitor per
 * request in its servlet filter chain ({@code ApplicationFilterConfig.getFilter}), on which request threads queued
 * under 256 connections. The text is formatted once a second ({@link HttpDates#now()}).
 */
@Provider
public final class DateHeaderFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(HttpHeaders.DATE, HttpDates.now());
    }
}
