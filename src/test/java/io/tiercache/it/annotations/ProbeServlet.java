package io.tiercache.it.annotations;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InterceptionType;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.stream.Collectors;
import javax.cache.Caching;
import javax.cache.annotation.CacheResult;

/**
 * Exposes {@link CountingService} to the test: {@code compute?id=}, {@code calls}, {@code interceptors} (the
 * interceptor classes the container binds to its {@code @CacheResult}) and {@code clear} (empties its cache
 * through the tiered provider, behind the interceptors' back).
 */
@WebServlet("/annotations-probe/*")
public class ProbeServlet extends HttpServlet {

    @Inject
    CountingService service;

    @Inject
    BeanManager beanManager;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String body;
        switch (request.getPathInfo()) {
            case "/compute" -> body = service.compute(Long.parseLong(request.getParameter("id")));
            case "/calls" -> body = Integer.toString(service.calls());
            case "/interceptors" -> body = interceptors();
            case "/clear" -> {
                Caching.getCachingProvider("io.tiercache.cache.spi.TieredCachingProvider").getCacheManager()
                        .getCache(CountingService.CACHE).clear();
                body = "cleared";
            }
            default -> {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        }
        response.setContentType("text/plain");
        response.getWriter().write(body);
    }

    private String interceptors() {
        try {
            CacheResult binding = CountingService.class.getMethod("compute", long.class)
                    .getAnnotation(CacheResult.class);
            return beanManager.resolveInterceptors(InterceptionType.AROUND_INVOKE, binding).stream()
                    .map(interceptor -> interceptor.getBeanClass().getName())
                    .collect(Collectors.joining(","));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
