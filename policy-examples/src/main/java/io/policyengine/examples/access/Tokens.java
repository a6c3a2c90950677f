package io.policyengine.examples.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The service's own bearer tokens: random, URL-safe, and kept by the service only as their SHA-256
 * ({@code sha256:HEX} in the callers file), so that the file does not let anyone in who reads it.
 */
public final class Tokens {
    /** How a token's hash is written in the callers file. */
    public static final String HASH_PREFIX = "sha256:";
    /** 256 bits: beyond guessing, and so beyond any need for a slow password hash. */
    private static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    /** A new token: 32 random bytes as base64url without padding (43 characters). */
    public static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 of the token's UTF-8 bytes. */
    public static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** {@code sha256:} and the token's SHA-256 in lower-case hex, as the callers file keeps it. */
    public static String hash(String token) {
        return HASH_PREFIX + HexFormat.of().formatHex(digest(token));
    }
}
