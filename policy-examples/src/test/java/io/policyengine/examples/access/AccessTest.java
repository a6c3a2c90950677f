package io.policyengine.examples.access;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static io.policyengine.examples.access.CallersFileTest.ADMIN_TOKEN;
import static io.policyengine.examples.access.CallersFileTest.MANAGER_TOKEN;
import static io.policyengine.examples.access.CallersFileTest.TILL_TOKEN;
import static io.policyengine.examples.access.SignedTokens.AUDIENCE;
import static io.policyengine.examples.access.SignedTokens.claims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who gets in, apart from any HTTP server (contract 15): the Host, the token, and how far the caller's role reaches. */
class AccessTest {
    private static final SignedTokens PROVIDER = JwtCallersTest.PROVIDER;
    private static final AllowedHosts LOOPBACK = AllowedHosts.of(List.of(), "127.0.0.1");

    @TempDir
    Path temp;

    private Access chain() throws Exception {
        Path callers = Files.writeString(temp.resolve("callers.txt"), CallersFileTest.chainCallers());
        Path jwks = Files.writeString(temp.resolve("jwks.json"), PROVIDER.jwks());
        return Access.of(LiveCallers.watch(callers, LiveCallers.Listener.NONE), JwtCallers.of(jwks.toString(), AUDIENCE), LOOPBACK);
    }

    @Test
    @DisplayName("each role reaches its own endpoints and those below, and is refused 403 above them")
    void rolesAndReach() throws Exception {
        Access access = chain();
        String[] tokens = {TILL_TOKEN, MANAGER_TOKEN, ADMIN_TOKEN};
        // rows: counter, manager, admin; columns: open, page, counter, manager, admin
        boolean[][] allowed = {
                {true, true, true, false, false},
                {true, true, true, true, false},
                {true, true, true, true, true}};
        for (int role = 0; role < 3; role++) {
            for (Reach reach : Reach.values()) {
                Access.Verdict verdict = access.check(reach, "localhost:8080", "Bearer " + tokens[role]);
                boolean expected = allowed[role][reach.ordinal()];
                assertThat(verdict.denied() == null).as("%s on %s", Role.values()[role], reach).isEqualTo(expected);
                if (!expected) {
                    assertThat(verdict.denied().status()).isEqualTo(403);
                    assertThat(verdict.denied().reason()).isEqualTo("role");
                }
            }
        }
        assertThat(access.check(Reach.ADMIN, "localhost", "Bearer " + MANAGER_TOKEN).denied().message())
                .isEqualTo("mgr-east has the role manager; this needs admin");
    }

    @Test
    @DisplayName("no token, another scheme, a token of nobody, an expired or forged JWT: 401 with the reason counted")
    void unauthorized() throws Exception {
        Access access = chain();
        String expired = PROVIDER.rs256(claims("till-sh12", "counter", List.of("SH-0012"))
                .expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(5)))).build());
        String forged = PROVIDER.forgedRs256(claims("ops", "admin", List.of("*")).build());

        assertThat(denial(access, null)).isEqualTo(new Access.Denied(401, "no-token", "Authorization: missing; send Authorization: Bearer TOKEN"));
        assertThat(denial(access, "Basic dXNlcjpwYXNz")).isEqualTo(new Access.Denied(401, "no-token", "Authorization: expected Bearer TOKEN"));
        assertThat(denial(access, "Bearer " + Tokens.newToken()))
                .isEqualTo(new Access.Denied(401, "unknown-token", "token: not a token of a caller of this service"));
        assertThat(denial(access, "Bearer " + expired)).isEqualTo(new Access.Denied(401, "expired-token", "token: expired"));
        assertThat(denial(access, "Bearer " + forged).reason()).isEqualTo("invalid-token");
        assertThat(denial(access, "Bearer " + forged).challenge()).isTrue();
    }

    @Test
    @DisplayName("a token of the callers file and a JWT of the provider both let their caller in; the scheme's case does not matter")
    void bothKindsOfToken() throws Exception {
        Access access = chain();

        assertThat(access.check(Reach.COUNTER, "localhost", "bearer " + TILL_TOKEN).caller().name()).isEqualTo("till-sh12");
        String jwt = PROVIDER.es256(claims("mgr-west", "manager", List.of("SH-0100")).build());
        assertThat(access.check(Reach.MANAGER, "localhost", "Bearer " + jwt).caller())
                .isEqualTo(new Caller("mgr-west", Role.MANAGER, List.of("SH-0100"), "jwt"));
    }

    @Test
    @DisplayName("a foreign Host is 421 before any token is looked at; /healthz and /readyz answer any Host")
    void foreignHost() throws Exception {
        Access access = chain();

        Access.Denied denied = access.check(Reach.COUNTER, "evil.example", "Bearer " + ADMIN_TOKEN).denied();
        assertThat(denied.status()).isEqualTo(421);
        assertThat(denied.reason()).isEqualTo("host");
        assertThat(denied.message()).isEqualTo("Host: \"evil.example\" is not a name of this service; the service answers for the names of --allowed-hosts");
        assertThat(access.check(Reach.OPEN, "evil.example", null).caller()).isEqualTo(Caller.ANYONE);
        assertThat(access.check(Reach.PAGE, "evil.example", null).denied().status()).as("a page only under the service's names").isEqualTo(421);
        assertThat(access.check(Reach.PAGE, "localhost", null).caller()).as("a page's shell without a token").isEqualTo(Caller.ANYONE);
        assertThat(access.check(Reach.COUNTER, null, "Bearer " + ADMIN_TOKEN).denied().message()).startsWith("Host: missing");
    }

    @Test
    @DisplayName("without callers, every request with a Host of the service is anyone's; a foreign one is still refused")
    void openService() {
        Access open = Access.open(LOOPBACK);

        for (String host : List.of("localhost", "localhost:8080", "127.0.0.1:8080", "[::1]:8080", "LOCALHOST.", "[::1]")) {
            assertThat(open.check(Reach.ADMIN, host, null).caller()).as(host).isEqualTo(Caller.ANYONE);
        }
        for (String host : List.of("evil.example", "127.0.0.1.evil.example:8080", "localhost.evil.example", "")) {
            assertThat(open.check(Reach.COUNTER, host, null).denied().status()).as(host).isEqualTo(421);
        }
        assertThat(open.required()).isFalse();
    }

    @Test
    @DisplayName("--allowed-hosts: the names given and the bound address; * allows any; a name with a port is refused")
    void allowedHosts() {
        AllowedHosts shop = AllowedHosts.of(List.of("policy.shop.example", "policy-engine"), "0.0.0.0");

        assertThat(shop.allows("policy.shop.example:443")).isTrue();
        assertThat(shop.allows("Policy-Engine:8080")).isTrue();
        assertThat(shop.allows("localhost:8080")).as("names given replace the loopback names").isFalse();
        assertThat(AllowedHosts.of(List.of(), "10.0.0.7").allows("10.0.0.7:8080")).isTrue();
        assertThat(AllowedHosts.of(List.of(), "::1").allows("[::1]:8080")).isTrue();
        assertThat(AllowedHosts.of(List.of("*"), "0.0.0.0").allows("anything.example")).isTrue();
        assertThatThrownBy(() -> AllowedHosts.of(List.of("shop.example:8080"), "0.0.0.0"))
                .hasMessage("--allowed-hosts: \"shop.example:8080\" is not a host name (without a port)");
    }

    private static Access.Denied denial(Access access, String authorization) {
        return access.check(Reach.COUNTER, "127.0.0.1:8080", authorization).denied();
    }
}
