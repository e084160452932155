package io.tiercache.http;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The {@code Date} header (RFC 9110, section 6.6.1) on every response of the application, errors and error pages
 * included: Payara sends none of its own (WildFly's Undertow does, and keeps the one set here).
 */
@WebFilter(filterName = "DateHeader", urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public final class DateHeaderFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        stamp(response);
        chain.doFilter(request, response);
    }

    /** Sets {@code Date} to now, unless the response is committed. */
    private static void stamp(HttpServletResponse response) {
        if (!response.isCommitted()) {
            response.setDateHeader("Date", System.currentTimeMillis());
        }
    }
}
