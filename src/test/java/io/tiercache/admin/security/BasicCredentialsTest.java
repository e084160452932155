package io.tiercache.admin.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    private static String basic(byte[] userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass);
    }

    @Test
    void decodesUtf8AndSplitsAtTheFirstColon() {
        var credential = BasicCredentials.parse(basic("jürgen:pä:ss ✓".getBytes(StandardCharsets.UTF_8)))
                .orElseThrow();
        assertEquals("jürgen", credential.getCaller());
        assertEquals("pä:ss ✓", credential.getPasswordAsString());
        assertEquals("x", BasicCredentials.parse("basic " + Base64.getEncoder().encodeToString(
                "x:".getBytes(StandardCharsets.UTF_8))).orElseThrow().getCaller());
    }

    @Test
    void anythingMalformedIsEmpty() {
        assertTrue(BasicCredentials.parse(null).isEmpty());
        assertTrue(BasicCredentials.parse("Bearer abc").isEmpty());
        assertTrue(BasicCredentials.parse("Basic !!!").isEmpty());
        assertTrue(BasicCredentials.parse(basic("nocolon".getBytes(StandardCharsets.UTF_8))).isEmpty());
        assertTrue(BasicCredentials.parse(basic(":password".getBytes(StandardCharsets.UTF_8))).isEmpty());
        assertTrue(BasicCredentials.parse(basic(new byte[] {'a', ':', (byte) 0xC3, 0x28})).isEmpty());
    }
}
