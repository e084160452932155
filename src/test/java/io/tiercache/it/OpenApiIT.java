package io.tiercache.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.tiercache.it.support.OpenApiCheck;
import io.tiercache.it.support.TestEngine;
import jakarta.ws.rs.core.Response;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document on Payara Micro: the application's {@code /openapi.yaml} is valid OpenAPI 3 with every
 * operation the API serves; the server's {@code /openapi} is the same document (it answered 500 while Payara
 * scanned the annotations), plus Payara's own non-standard top-level {@code endpoints} member.
 */
class OpenApiIT extends DeployedApiTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestEngine.war();
    }

    @Test
    void theServedDocumentIsValidAndComplete() {
        // the server's endpoint, at its root whatever the application's context root
        try (Response response = api.target(api.base().resolve("/openapi").toString()).request().get()) {
            String body = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), body);
            OpenApiCheck.assertComplete(body, "attribute endpoints is unexpected");
        }
        try (Response response = api.target("openapi.yaml").request().get()) {
            String body = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), body);
            assertNotNull(response.getHeaderString("Date"), "Date on the document (RFC 9110, section 6.6.1)");
            OpenApiCheck.assertComplete(body);
        }
    }
}
