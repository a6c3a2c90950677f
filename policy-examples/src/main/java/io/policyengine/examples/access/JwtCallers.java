package io.policyengine.examples.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code serve --jwks FILE_OR_URL --jwt-audience NAME}: callers signed in through a chain's identity provider,
 * with JSON Web Tokens signed RS256 or ES256 by a key of the provider's JWK set. Everything about the token,
 * its signature, {@code exp} and {@code aud}, is checked by nimbus-jose-jwt; this class only says which
 * algorithms and claims are required and reads {@code sub}, {@code role} and {@code stores} into a {@link Caller}.
 */
public final class JwtCallers {
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
    private static final Set<String> REQUIRED = Set.of("sub", "exp", "aud", "role", "stores");

    /** A token that does not let its bearer in; the message says why without repeating the token. */
    public static final class Refused extends Exception {
        private final boolean expired;
        private final boolean keysUnavailable;

        Refused(String message, boolean expired, boolean keysUnavailable) {
            super(message, null, false, false);
            this.expired = expired;
            this.keysUnavailable = keysUnavailable;
        }

        public boolean expired() {
            return expired;
        }

        /** Whether the provider's keys could not be fetched: no fault of the token. */
        public boolean keysUnavailable() {
            return keysUnavailable;
        }
    }

    private final ConfigurableJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String keys;

    private JwtCallers(JWKSource<SecurityContext> source, String audience, String keys) {
        this.keys = keys;
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, source));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience, new JWTClaimsSet.Builder().build(), REQUIRED));
    }

    /**
     * The provider's keys from a JWK set file (read again when it changes) or an {@code https://} URL (fetched,
     * cached and refreshed by nimbus-jose-jwt).
     *
     * @throws IllegalArgumentException with one line naming {@code --jwks} when a file does not hold a JWK set
     */
    public static JwtCallers of(String fileOrUrl, String audience) {
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("--jwt-audience: missing; a token is accepted only when its aud names this service");
        }
        if (fileOrUrl.startsWith("https://") || fileOrUrl.startsWith("http://")) {
            URL url;
            try {
                url = URI.create(fileOrUrl).toURL();
            } catch (IllegalArgumentException | MalformedURLException e) {
                throw new IllegalArgumentException("--jwks: \"" + fileOrUrl + "\" is not a URL: " + e.getMessage());
            }
            return new JwtCallers(JWKSourceBuilder.create(url).retrying(true).build(), audience, fileOrUrl);
        }
        Path file = Path.of(fileOrUrl);
        FileKeys keys = new FileKeys(file);
        keys.current(); // a file that holds no keys is a usage error now, not a 401 on every request
        return new JwtCallers(keys, audience, file.toString());
    }

    /** Where the keys come from, for the ready line. */
    public String keys() {
        return keys;
    }

    /** The caller a signed token names. */
    public Caller caller(String token) throws Refused {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ExpiredJWTException e) {
            throw new Refused("token: expired", true, false);
        } catch (KeySourceException e) {
            throw new Refused("token: the identity provider's keys cannot be read now (" + e.getMessage() + ")", false, true);
        } catch (ParseException e) {
            throw new Refused("token: not a signed JWT (" + e.getMessage() + ")", false, false);
        } catch (BadJOSEException | JOSEException e) {
            throw new Refused("token: " + e.getMessage(), false, false);
        }
        Role role;
        List<String> stores = new ArrayList<>();
        try {
            String roleName = claims.getStringClaim("role");
            role = Role.named(roleName);
            if (role == null) throw new Refused("token: role \"" + roleName + "\" is not a role; roles: " + Role.names(), false, false);
            List<String> listed = claims.getStringListClaim("stores");
            for (String store : listed) {
                if (store == null || store.isBlank()) throw new Refused("token: stores: a blank store id", false, false);
                stores.add(store);
            }
        } catch (ParseException e) {
            throw new Refused("token: " + e.getMessage(), false, false);
        }
        if (stores.isEmpty()) throw new Refused("token: stores: empty; list store ids, or [\"*\"] for every store", false, false);
        if (stores.contains(Caller.ALL_STORES) && stores.size() > 1) {
            throw new Refused("token: stores: * means every store and stands alone", false, false);
        }
        if (!CallersFile.isName(claims.getSubject())) {
            // the name is logged as it is: a sub that could forge a log line or hide in one is not taken
            throw new Refused("token: sub is not a caller's name (letters, digits and . _ @ -, up to 64)", false, false);
        }
        return new Caller(claims.getSubject(), role, stores, "jwt");
    }

    /** A JWK set file, read again when its time of change or size differs from the last read. */
    private static final class FileKeys implements JWKSource<SecurityContext> {
        private final Path file;
        private volatile Loaded loaded;

        private record Loaded(long modified, long size, JWKSet keys) {
        }

        FileKeys(Path file) {
            this.file = file;
        }

        JWKSet current() {
            try {
                long modified = Files.getLastModifiedTime(file).toMillis();
                long size = Files.size(file);
                Loaded now = loaded;
                if (now != null && now.modified() == modified && now.size() == size) return now.keys();
                JWKSet keys = JWKSet.load(file.toFile());
                if (keys.getKeys().isEmpty()) throw new IllegalArgumentException("--jwks: " + file + " holds no keys");
                loaded = new Loaded(modified, size, keys);
                return keys;
            } catch (IOException e) {
                if (loaded != null) return loaded.keys(); // a file being replaced: the keys before it, for now
                throw new IllegalArgumentException("--jwks: " + file + " cannot be read (" + e.getMessage() + ")");
            } catch (ParseException e) {
                if (loaded != null) return loaded.keys();
                throw new IllegalArgumentException("--jwks: " + file + " is not a JWK set: " + e.getMessage());
            }
        }

        @Override
        public List<JWK> get(com.nimbusds.jose.jwk.JWKSelector selector, SecurityContext context) {
            return selector.select(current());
        }
    }
}
