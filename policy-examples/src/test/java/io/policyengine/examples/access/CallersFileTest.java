package io.policyengine.examples.access;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The callers file of contract 15: who may call, found by the SHA-256 of their token, reloaded when it changes. */
class CallersFileTest {
    static final String TILL_TOKEN = "till-token-for-the-tests-0000000000000000";
    static final String MANAGER_TOKEN = "manager-token-for-the-tests-000000000000";
    static final String ADMIN_TOKEN = "admin-token-for-the-tests-00000000000000";

    @TempDir
    Path temp;

    static String chainCallers() {
        return """
                # the tills of the chain, its managers and its operators
                till-sh12   counter  SH-0012          %s
                mgr-east    manager  SH-0012;SH-OUT-1 %s   # the East region
                ops         admin    *                %s
                """.formatted(Tokens.hash(TILL_TOKEN), Tokens.hash(MANAGER_TOKEN), Tokens.hash(ADMIN_TOKEN));
    }

    @Test
    @DisplayName("a caller is found by its token, with its role and stores; a token of nobody finds nobody")
    void callersByToken() throws Exception {
        Callers callers = CallersFile.read(write("callers.txt", chainCallers()));

        assertThat(callers.size()).isEqualTo(3);
        assertThat(callers.byToken(TILL_TOKEN)).isEqualTo(new Caller("till-sh12", Role.COUNTER, List.of("SH-0012"), "token"));
        assertThat(callers.byToken(MANAGER_TOKEN).stores()).containsExactly("SH-0012", "SH-OUT-1");
        assertThat(callers.byToken(ADMIN_TOKEN).allStores()).isTrue();
        assertThat(callers.byToken("till-token-for-the-tests-0000000000000001")).isNull();
        assertThat(callers.byToken(Tokens.hash(TILL_TOKEN))).as("the hash itself is not a token").isNull();
    }

    @Test
    @DisplayName("a counter acts for its own store only; a claim without a store is no store of a counter's, but an admin's")
    void storesOfACaller() throws Exception {
        Callers callers = CallersFile.read(write("callers.txt", chainCallers()));
        Caller till = callers.byToken(TILL_TOKEN);

        assertThat(till.refusal("SH-0012")).isNull();
        assertThat(till.refusal("BJ-0003")).isEqualTo("store: \"BJ-0003\" is not a store of till-sh12 (SH-0012)");
        assertThat(till.refusal(null)).isEqualTo("store: missing; till-sh12 may act only for claims of SH-0012");
        assertThat(callers.byToken(ADMIN_TOKEN).refusal(null)).isNull();
    }

    @Test
    @DisplayName("every problem of a bad file at once, each at FILE:LINE")
    void everyProblemAtOnce() throws IOException {
        Path file = write("callers.txt", """
                till-sh12   counter  SH-0012  %s
                till-sh12   counter  SH-0013  %s
                boss        owner    *        %s
                mgr         manager  SH-1;*   %s
                plain       counter  SH-0012  %s
                short       counter  SH-0012
                """.formatted(Tokens.hash("a"), Tokens.hash("b"), Tokens.hash("c"), Tokens.hash("a"), "the-token-itself"));

        assertThatThrownBy(() -> CallersFile.read(file))
                .isInstanceOfSatisfying(CallersFile.Unusable.class, e -> assertThat(e.problems()).containsExactly(
                        file + ":2: name: till-sh12 is also on line 1",
                        file + ":3: role: \"owner\" is not a role; roles: counter, manager, admin",
                        file + ":4: stores: * means every store and stands alone, got \"SH-1;*\"",
                        file + ":4: token-hash: the same token as till-sh12's on line 1; each caller needs a token of its own",
                        file + ":5: token-hash: expected sha256: and 64 hex digits, the token's SHA-256 (the file never holds a token;"
                                + " ./policy token NAME prints a line)",
                        file + ":6: expected 4 fields, name role stores token-hash, got 3"));
    }

    @Test
    @DisplayName("a file of comments only names nobody, and says so")
    void noCallers() throws IOException {
        Path file = write("callers.txt", "# nobody yet\n\n");

        assertThatThrownBy(() -> CallersFile.read(file)).hasMessage(file + ":1: no callers; one a line: name role stores token-hash");
    }

    @Test
    @DisplayName("a token is 43 url-safe characters, new each time, kept as sha256: and 64 hex digits")
    void newTokens() {
        String token = Tokens.newToken();

        assertThat(token).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(Tokens.newToken());
        assertThat(Tokens.hash(token)).matches("sha256:[0-9a-f]{64}");
        assertThat(Tokens.hash("test")).isEqualTo("sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    }

    @Test
    @DisplayName("a changed file goes live; a bad change never does, the callers before it keep working, and a fix goes live")
    void reloads() throws Exception {
        Path file = write("callers.txt", chainCallers());
        List<String> told = new CopyOnWriteArrayList<>();
        LiveCallers.Listener listener = new LiveCallers.Listener() {
            @Override
            public void reloaded(int callers) {
                told.add("reloaded " + callers);
            }

            @Override
            public void failed(String problems) {
                told.add("failed " + problems);
            }
        };
        try (LiveCallers live = LiveCallers.watch(file, listener, Duration.ofMillis(50))) {
            String newTill = Tokens.newToken();
            write("callers.txt", chainCallers() + "till-sh13 counter SH-0013 " + Tokens.hash(newTill) + "\n");
            waitUntil(() -> live.callers().byToken(newTill) != null);
            waitUntil(() -> !told.isEmpty()); // the listener hears of it just after it went live
            assertThat(told).containsExactly("reloaded 4");

            write("callers.txt", chainCallers() + "till-sh13 counter SH-0013 sha256:abc\n");
            waitUntil(() -> live.lastReloadError() != null && told.size() == 2);
            assertThat(live.lastReloadError()).isEqualTo(file + ":5: token-hash: expected sha256: and 64 hex digits, the token's SHA-256"
                    + " (the file never holds a token; ./policy token NAME prints a line)");
            assertThat(live.callers().byToken(newTill).name()).as("the callers before the bad file").isEqualTo("till-sh13");
            Thread.sleep(200);
            assertThat(told).as("a bad file is told once").hasSize(2);

            write("callers.txt", chainCallers());
            waitUntil(() -> live.callers().byToken(newTill) == null);
            assertThat(live.lastReloadError()).isNull();
            assertThat(live.callers().byToken(TILL_TOKEN).name()).isEqualTo("till-sh12");
        }
    }

    private Path write(String name, String text) throws IOException {
        Path file = temp.resolve(name);
        Path next = temp.resolve(name + ".next");
        Files.writeString(next, text, StandardCharsets.UTF_8);
        // as an editor or a Secret's update does: the new file whole, never half written
        return Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 10 s");
            Thread.sleep(20);
        }
    }
}
