package io.tiercache.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The servlet container's error page ({@code WEB-INF/web.xml}): errors outside the REST API, such as a path that
 * maps to nothing, are answered with a problem too, with a {@code Date} header (inside the API,
 * {@code http.DateHeaderFilter} sets it).
 */
@WebServlet(name = "ErrorPage", urlPatterns = ErrorPageServlet.PATH)
public final class ErrorPageServlet extends HttpServlet {

    static final String PATH = "/error-page";

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String instance = uri instanceof String s ? s : request.getRequestURI();
        Problem problem = status >= 500
                ? Problem.ofStatus(500, "The server failed to handle the request", instance)
                : Problem.ofStatus(status, null, instance);
        problem.writeTo(response);
    }
}
