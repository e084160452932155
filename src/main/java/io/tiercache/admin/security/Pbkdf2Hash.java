package io.tiercache.admin.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Verifies a password against a PBKDF2 hash in the format of Jakarta Security's {@code Pbkdf2PasswordHash},
 * {@code PBKDF2WithHmac<SHA224|SHA256|SHA384|SHA512>:<iterations>:<base64 salt>:<base64 hash>}, with the JDK alone
 * (the password's characters are hashed as UTF-8, as Jakarta Security and {@code scripts/admin-password-hash.sh} do).
 * The comparison takes the same time wherever the hashes differ.
 */
final class Pbkdf2Hash {

    private Pbkdf2Hash() {
    }

    /** Whether {@code password} hashes to {@code hash}; false for a hash that is malformed or of another algorithm. */
    static boolean verify(char[] password, String hash) {
        String[] parts = hash.split(":");
        if (parts.length != 4 || !parts[0].startsWith("PBKDF2WithHmacSHA")) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            byte[] actual = SecretKeyFactory.getInstance(parts[0]).generateSecret(
                    new PBEKeySpec(password, salt, Integer.parseInt(parts[1]), expected.length * 8)).getEncoded();
            return MessageDigest.isEqual(expected, actual);
        } catch (GeneralSecurityException | IllegalArgumentException malformed) {
            return false;
        }
    }
}
