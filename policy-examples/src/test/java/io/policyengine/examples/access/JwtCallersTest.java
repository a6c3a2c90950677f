package io.policyengine.examples.access;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static io.policyengine.examples.access.SignedTokens.AUDIENCE;
import static io.policyengine.examples.access.SignedTokens.claims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A chain's single sign-on (contract 15): RS256 and ES256 tokens of its provider let their {@code sub} in; nothing else does. */
class JwtCallersTest {
    static final SignedTokens PROVIDER = new SignedTokens();

    @TempDir
    Path temp;

    private JwtCallers fromFile() throws IOException {
        Path jwks = Files.writeString(temp.resolve("jwks.json"), PROVIDER.jwks());
        return JwtCallers.of(jwks.toString(), AUDIENCE);
    }

    @Test
    @DisplayName("an RS256 token of a counter and an ES256 token of a manager name their caller, role and stores")
    void goodTokens() throws Exception {
        JwtCallers jwt = fromFile();

        assertThat(jwt.caller(PROVIDER.rs256(claims("till-sh12", "counter", List.of("SH-0012")).build())))
                .isEqualTo(new Caller("till-sh12", Role.COUNTER, List.of("SH-0012"), "jwt"));
        assertThat(jwt.caller(PROVIDER.es256(claims("mgr-east", "manager", List.of("SH-0012", "SH-OUT-1")).build())))
                .isEqualTo(new Caller("mgr-east", Role.MANAGER, List.of("SH-0012", "SH-OUT-1"), "jwt"));
        assertThat(jwt.caller(PROVIDER.rs256(claims("ops", "admin", List.of("*")).build())).allStores()).isTrue();
    }

    @Test
    @DisplayName("expired two minutes ago (past the minute of clock skew allowed): refused as expired")
    void expired() throws Exception {
        String token = PROVIDER.rs256(claims("till-sh12", "counter", List.of("SH-0012"))
                .expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(2)))).build());

        assertThatThrownBy(() -> fromFile().caller(token)).isInstanceOfSatisfying(JwtCallers.Refused.class, e -> {
            assertThat(e.expired()).isTrue();
            assertThat(e.getMessage()).isEqualTo("token: expired");
        });
    }

    @Test
    @DisplayName("another audience, a forged signature, HS256, no role, an unknown role, no stores: each refused, none as expired")
    void refused() throws Exception {
        JwtCallers jwt = fromFile();
        List<String> tokens = List.of(
                PROVIDER.rs256(claims("till-sh12", "counter", List.of("SH-0012")).audience("another-service").build()),
                PROVIDER.forgedRs256(claims("till-sh12", "counter", List.of("SH-0012")).build()),
                PROVIDER.hs256(claims("till-sh12", "counter", List.of("SH-0012")).build()),
                PROVIDER.rs256(claims("till-sh12", "counter", List.of("SH-0012")).claim("role", null).build()),
                PROVIDER.rs256(claims("till-sh12", "owner", List.of("SH-0012")).build()),
                PROVIDER.es256(claims("till-sh12", "counter", List.of()).build()),
                PROVIDER.rs256(claims("till-sh12", "counter", List.of("SH-0012")).expirationTime(null).build()),
                PROVIDER.rs256(claims("till-sh12\nWARN forged line", "counter", List.of("SH-0012")).build()),
                "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
        for (String token : tokens) {
            assertThatThrownBy(() -> jwt.caller(token)).as(token).isInstanceOfSatisfying(JwtCallers.Refused.class, e -> {
                assertThat(e.expired()).isFalse();
                assertThat(e.getMessage()).startsWith("token: ").doesNotContain(token);
            });
        }
        assertThatThrownBy(() -> jwt.caller(tokens.get(0))).hasMessage("token: JWT aud claim rejected");
        assertThatThrownBy(() -> jwt.caller(tokens.get(4))).hasMessage("token: role \"owner\" is not a role; roles: counter, manager, admin");
    }

    @Test
    @DisplayName("the keys from the provider's URL, fetched by nimbus-jose-jwt")
    void keysFromAUrl() throws Exception {
        HttpServer provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.createContext("/jwks.json", exchange -> {
            byte[] body = PROVIDER.jwks().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.start();
        try {
            JwtCallers jwt = JwtCallers.of("http://127.0.0.1:" + provider.getAddress().getPort() + "/jwks.json", AUDIENCE);
            assertThat(jwt.caller(PROVIDER.es256(claims("mgr-east", "manager", List.of("SH-0012")).build())).name()).isEqualTo("mgr-east");
        } finally {
            provider.stop(0);
        }
    }

    @Test
    @DisplayName("a file that is no JWK set, or no audience: one line naming the option")
    void badOptions() throws IOException {
        Path notKeys = Files.writeString(temp.resolve("keys.json"), "{\"keys\": 3}");

        assertThatThrownBy(() -> JwtCallers.of(notKeys.toString(), AUDIENCE)).hasMessageStartingWith("--jwks: " + notKeys + " is not a JWK set");
        assertThatThrownBy(() -> JwtCallers.of(notKeys.toString(), null)).hasMessageStartingWith("--jwt-audience: missing");
        assertThatThrownBy(() -> JwtCallers.of(temp.resolve("none.json").toString(), AUDIENCE)).hasMessageStartingWith("--jwks: ");
    }
}
