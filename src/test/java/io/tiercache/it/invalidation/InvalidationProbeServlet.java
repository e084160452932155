package io.tiercache.it.invalidation;

import io.tiercache.backtest.domain.Strategy;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;
import java.io.IOException;

/**
 * Writes strategies in transactions of its own: {@code rollback?id=&description=} updates one through JPA (its
 * listener fires) and rolls back; {@code commit?id=&description=} does the same and commits; {@code behind?id=
 * &description=} changes the row by a bulk update that no listener sees (so a cached view then differs from
 * the database); {@code counts} gives {@link ChangeCounter#counts()}.
 */
@WebServlet("/invalidation-probe/*")
public class InvalidationProbeServlet extends HttpServlet {

    @PersistenceContext(unitName = "tiercache")
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @Inject
    ChangeCounter counter;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        String body;
        try {
            switch (request.getPathInfo()) {
                case "/rollback" -> body = write(request, false);
                case "/commit" -> body = write(request, true);
                case "/behind" -> body = behind(request);
                case "/counts" -> body = counter.counts();
                default -> {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
            }
        } catch (Exception e) {
            throw new ServletException(e);
        }
        response.setContentType("text/plain");
        response.getWriter().write(body);
    }

    private String write(HttpServletRequest request, boolean commit) throws Exception {
        transaction.begin();
        try {
            Strategy strategy = em.find(Strategy.class, Long.parseLong(request.getParameter("id")));
            strategy.update(strategy.getName(), request.getParameter("description"), strategy.getFastWindow(),
                    strategy.getSlowWindow(), strategy.getPositionFraction(), strategy.getCommissionBps());
            em.flush();
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
        if (commit) {
            transaction.commit();
            return "committed";
        }
        transaction.rollback();
        return "rolled back";
    }

    private String behind(HttpServletRequest request) throws Exception {
        transaction.begin();
        int rows = em.createQuery("UPDATE Strategy s SET s.description = :description WHERE s.id = :id")
                .setParameter("description", request.getParameter("description"))
                .setParameter("id", Long.parseLong(request.getParameter("id")))
                .executeUpdate();
        transaction.commit();
        return Integer.toString(rows);
    }
}
