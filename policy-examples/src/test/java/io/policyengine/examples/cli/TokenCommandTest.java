package io.policyengine.examples.cli;

import io.policyengine.examples.access.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./policy token NAME}: a new token, and the callers file's line that keeps only its SHA-256 (contract 15). */
class TokenCommandTest {
    @Test
    @DisplayName("the token on the first line, the caller's line with its SHA-256 on the second; a new token each time")
    void tokenAndLine() {
        Cli.Run run = Cli.run("token", "till-sh12", "--role", "counter", "--stores", "SH-0012");

        assertThat(run.exit()).isZero();
        assertThat(run.outLines()).hasSize(2);
        String token = run.outLines().get(0);
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(run.outLines().get(1)).isEqualTo("till-sh12 counter SH-0012 " + Tokens.hash(token));
        assertThat(Cli.run("token", "till-sh12").outLines().get(0)).isNotEqualTo(token);
    }

    @Test
    @DisplayName("a counter for every store unless --role and --stores say otherwise")
    void defaults() {
        assertThat(Cli.run("token", "till-any").outLines().get(1)).startsWith("till-any counter * sha256:");
        assertThat(Cli.run("token", "mgr-east", "--role", "manager", "--stores", "SH-0012;SH-OUT-1").outLines().get(1))
                .startsWith("mgr-east manager SH-0012;SH-OUT-1 sha256:");
    }

    @Test
    @DisplayName("an unknown role, * among stores, a name with a space: one line naming the option, exit 2, no token")
    void badOptions() {
        Cli.Run role = Cli.run("token", "boss", "--role", "owner");
        assertThat(role.exit()).isEqualTo(2);
        assertThat(role.out()).isEmpty();
        assertThat(role.errLines()).containsExactly("--role: \"owner\" is not a role; roles: counter, manager, admin");

        assertThat(Cli.run("token", "mgr", "--role", "manager", "--stores", "SH-1;*").errLines())
                .containsExactly("--stores: * means every store and stands alone, got \"SH-1;*\"");
        assertThat(Cli.run("token", "till 12").errLines())
                .containsExactly("NAME: \"till 12\" is not a name (letters, digits and . _ @ -, up to 64)");
    }
}
