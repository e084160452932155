package io.tiercache.it;

import io.tiercache.it.support.TestEngine;
import java.net.URL;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An Arquillian test of the API deployed in Payara Micro, with the engine of {@link TestEngine}: each test gets
 * an {@link Api} client of the deployment, closed after it. A subclass declares its {@code @Deployment}.
 */
@ExtendWith({TestEngine.class, ArquillianExtension.class})
abstract class DeployedApiTest {

    @ArquillianResource
    private URL deploymentUrl;

    /** The client of the current test. */
    Api api;

    @BeforeEach
    void connect() {
        api = new Api(deploymentUrl);
    }

    @AfterEach
    void disconnect() {
        api.close();
    }
}
