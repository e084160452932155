package io.tiercache.admin.security;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The user name and password of an {@code Authorization: Basic} header (RFC 7617): base64 of
 * {@code user-id ":" password} in UTF-8, the charset the challenge advertises. Anything else is empty.
 */
final class BasicCredentials {

    private static final String SCHEME = "Basic ";

    private BasicCredentials() {
    }

    static Optional<UsernamePasswordCredential> parse(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        try {
            byte[] decoded = Base64.getDecoder().decode(authorization.substring(SCHEME.length()).strip());
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(decoded)).toString();
            int colon = text.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            return Optional.of(new UsernamePasswordCredential(text.substring(0, colon), text.substring(colon + 1)));
        } catch (IllegalArgumentException | CharacterCodingException malformed) {
            return Optional.empty();
        }
    }
}
