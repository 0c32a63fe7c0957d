package org.crossdesk.schemaregistry.auth;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** A user name and password presented with HTTP Basic authentication (RFC 7617). */
record BasicCredentials(String user, String password) {

    private static final String SCHEME = "Basic ";

    /**
     * The credentials of an {@code Authorization} header, or empty when it is missing, of another scheme,
     * or unreadable (not base64, not UTF-8, no colon, empty user).
     */
    static Optional<BasicCredentials> parse(String header) {
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String decoded;
        try {
            byte[] bytes =
                    Base64.getDecoder().decode(header.substring(SCHEME.length()).strip());
            decoded = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
        // The user name cannot contain a colon; the password may (RFC 7617 §2).
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    /** Never prints the password, whoever logs this. */
    @Override
    public String toString() {
        return "BasicCredentials[user=" + user + "]";
    }
}
