package io.tiercache.it.observability;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Exposes {@link WorkloadService} and {@link WarmRecorder} to the tests: {@code counted?id=}, {@code scratch?id=}
 * (a cached read each) and {@code warmed} (the warm-up requests observed so far).
 */
@WebServlet("/workload/*")
public class WorkloadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    WorkloadService service;

    @Inject
    WarmRecorder warmRecorder;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String body;
        switch (request.getPathInfo()) {
            case "/counted" -> body = service.counted(Long.parseLong(request.getParameter("id")));
            case "/scratch" -> body = service.scratch(Long.parseLong(request.getParameter("id")));
            case "/warmed" -> body = warmRecorder.received().toString();
            default -> {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        }
        response.setContentType("text/plain");
        response.getWriter().write(body);
    }
}
