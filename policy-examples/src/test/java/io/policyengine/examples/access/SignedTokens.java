package io.policyengine.examples.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * A chain's identity provider, for the tests: an RSA and an EC key made here, their public JWK set, and
 * tokens signed with them (or with a key the set does not hold), all through nimbus-jose-jwt.
 */
public final class SignedTokens {
    public static final String AUDIENCE = "policy-engine";

    private final RSAKey rsa;
    private final ECKey ec;
    /** Another RSA key under the same key id: what a forger without the provider's key would sign with. */
    private final RSAKey forged;

    public SignedTokens() {
        try {
            rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
            ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
            forged = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The provider's public keys, as a JWKS file or URL serves them. */
    public String jwks() {
        return new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString();
    }

    /** A token claims builder valid for 10 minutes for this service: {@code sub}, {@code role}, {@code stores}. */
    public static JWTClaimsSet.Builder claims(String sub, String role, List<String> stores) {
        return new JWTClaimsSet.Builder().subject(sub).audience(AUDIENCE).claim("role", role).claim("stores", stores)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))));
    }

    public String rs256(JWTClaimsSet claims) {
        return sign(JWSAlgorithm.RS256, rsa.getKeyID(), claims, signer(() -> new RSASSASigner(rsa)));
    }

    public String es256(JWTClaimsSet claims) {
        return sign(JWSAlgorithm.ES256, ec.getKeyID(), claims, signer(() -> new ECDSASigner(ec)));
    }

    /** Signed with a key of the same id that the provider never had. */
    public String forgedRs256(JWTClaimsSet claims) {
        return sign(JWSAlgorithm.RS256, forged.getKeyID(), claims, signer(() -> new RSASSASigner(forged)));
    }

    /** Signed HS256 with a shared secret: an algorithm the service does not take. */
    public String hs256(JWTClaimsSet claims) {
        return sign(JWSAlgorithm.HS256, null, claims, signer(() -> new MACSigner("a-secret-of-at-least-thirty-two-bytes!!")));
    }

    private interface SignerMaker {
        JWSSigner make() throws JOSEException;
    }

    private static JWSSigner signer(SignerMaker maker) {
        try {
            return maker.make();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JWSAlgorithm algorithm, String keyId, JWTClaimsSet claims, JWSSigner signer) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
