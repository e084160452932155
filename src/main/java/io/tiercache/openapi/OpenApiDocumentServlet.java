package io.tiercache.openapi;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.yaml}: the API's OpenAPI 3 document ({@code META-INF/openapi.yaml}) exactly as written, the
 * same on every server. The server's own {@code /openapi} serves it too (MicroProfile OpenAPI, scanning off), but
 * Payara adds a non-standard top-level {@code endpoints} member there.
 */
@WebServlet(name = "OpenApiDocument", urlPatterns = OpenApiDocumentServlet.PATH)
public final class OpenApiDocumentServlet extends HttpServlet {

    static final String PATH = "/openapi.yaml";
    private static final String DOCUMENT = "META-INF/openapi.yaml";
    private static final long serialVersionUID = 1L;

    private transient byte[] document;

    @Override
    public void init() {
        try (InputStream in = OpenApiDocumentServlet.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing from the application");
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/yaml");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setDateHeader("Date", System.currentTimeMillis());
        response.setContentLength(document.length);
        response.getOutputStream().write(document);
    }
}
