package io.tiercache.admin.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiercache.it.support.Pbkdf2Hashes;
import org.junit.jupiter.api.Test;

class Pbkdf2HashTest {

    /** "secret", made by scripts/admin-password-hash.sh (Python's hashlib) with 1000 iterations. */
    private static final String SCRIPT_HASH =
            "PBKDF2WithHmacSHA256:1000:c2FsdHNhbHRzYWx0c2FsdA==:dClvKSmj66n6MdMWNv3Go4mvH1Ym2WIGiJvquqa+mfE=";

    @Test
    void theRightPasswordMatchesAndAnyOtherDoesNot() {
        String hash = Pbkdf2Hashes.hash("pässwörd ✓");
        assertTrue(Pbkdf2Hash.verify("pässwörd ✓".toCharArray(), hash));
        assertFalse(Pbkdf2Hash.verify("passwörd ✓".toCharArray(), hash));
        assertFalse(Pbkdf2Hash.verify("".toCharArray(), hash));
    }

    @Test
    void aHashOfThePasswordScriptIsVerified() {
        assertTrue(Pbkdf2Hash.verify("secret".toCharArray(), SCRIPT_HASH));
        assertFalse(Pbkdf2Hash.verify("Secret".toCharArray(), SCRIPT_HASH));
    }

    @Test
    void aMalformedHashMatchesNothing() {
        for (String hash : new String[] {"", "PBKDF2WithHmacSHA256:1000:c2FsdA==", "MD5:1000:c2FsdA==:aGFzaA==",
                "PBKDF2WithHmacSHA256:x:c2FsdA==:aGFzaA==", "PBKDF2WithHmacSHA256:1000:!!:aGFzaA==",
                "PBKDF2WithHmacSHA999:1000:c2FsdA==:aGFzaA=="}) {
            assertFalse(Pbkdf2Hash.verify("secret".toCharArray(), hash), hash);
        }
    }
}
