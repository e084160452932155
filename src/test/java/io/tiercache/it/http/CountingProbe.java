package io.tiercache.it.http;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Test-only: {@code GET /counting-probe?call=BacktestService.get(7)} answers how often that call really ran. */
@WebServlet("/counting-probe")
public class CountingProbe extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write(Integer.toString(CountingInterceptor.calls(request.getParameter("call"))));
    }
}
