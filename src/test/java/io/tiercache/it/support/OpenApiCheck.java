package io.tiercache.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Checks a served OpenAPI document: valid OpenAPI 3 by swagger-parser (no message, every reference resolved), and
 * every operation the application serves (each JAX-RS resource method found in {@code target/classes}) in it.
 */
public final class OpenApiCheck {

    private OpenApiCheck() {
    }

    /** Asserts that {@code document} is valid and complete, the parser's messages being exactly {@code allowed}. */
    public static void assertComplete(String document, String... allowed) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
        assertEquals(List.of(allowed), result.getMessages() == null ? List.of() : result.getMessages(),
                "invalid OpenAPI");
        OpenAPI api = result.getOpenAPI();
        assertNotNull(api, "no OpenAPI document");
        assertTrue(api.getOpenapi().startsWith("3."), api.getOpenapi());
        Set<String> missing = new TreeSet<>();
        List<String> served = servedOperations();
        assertTrue(served.size() >= 15, "resource methods found: " + served);
        for (String operation : served) {
            String[] methodAndPath = operation.split(" ", 2);
            PathItem item = api.getPaths().get(methodAndPath[1]);
            if (item == null || !item.readOperationsMap().containsKey(PathItem.HttpMethod.valueOf(methodAndPath[0]))) {
                missing.add(operation);
            }
        }
        assertEquals(Set.of(), missing, "served but not in the document");
    }

    /** {@code METHOD /path} of every resource method of the application's classes. */
    static List<String> servedOperations() {
        List<String> operations = new ArrayList<>();
        java.nio.file.Path classes = Paths.get("target", "classes");
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            List<Class<?>> types = files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(OpenApiCheck::load).toList();
            String root = "/" + types.stream().filter(t -> t.isAnnotationPresent(ApplicationPath.class))
                    .map(t -> t.getAnnotation(ApplicationPath.class).value()).findFirst().orElseThrow();
            for (Class<?> type : types) {
                Path classPath = type.getAnnotation(Path.class);
                if (classPath == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    String httpMethod = httpMethod(method);
                    if (httpMethod != null) {
                        Path methodPath = method.getAnnotation(Path.class);
                        operations.add(httpMethod + " " + join(root, classPath.value(),
                                methodPath == null ? "" : methodPath.value()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return operations;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod designator = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (designator != null) {
                return designator.value();
            }
        }
        return null;
    }

    private static String join(String... segments) {
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            String trimmed = segment.replaceAll("^/+|/+$", "");
            if (!trimmed.isEmpty()) {
                path.append('/').append(trimmed);
            }
        }
        return path.toString();
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, OpenApiCheck.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return Object.class;
        }
    }
}
