package io.policyengine.examples.cli;

import io.policyengine.PolicyEngine;
import io.policyengine.json.ClaimSource;
import io.policyengine.model.BadInputException;
import io.policyengine.model.Claim;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based fuzzing of what users feed the engine: valid claim lines and rule files, cut short,
 * with bytes flipped, in other encodings, with duplicated keys, huge numbers and control characters.
 * Whatever the damage: no stack trace and no library name reaches the user, nothing is thrown past
 * the command line, every good line is still decided, and the exit code is the documented one.
 * The number of tries is fixed so that the whole fuzz stays within a minute on two cores.
 */
class FuzzTest {
    private static final PolicyEngine ENGINE = PolicyEngine.storeStandard();
    private static final Pattern NO_LEAK = Pattern.compile("(?s).*(Exception|\\tat |ALLOW_|FAIL_ON_|Feature|StreamReadConstraints"
            + "|com\\.fasterxml|java\\.lang|java\\.util).*");
    /** Valid claim lines of every shape the contract has, each with the id that the mutation may damage. */
    private static final List<String> VALID = List.of(
            Cli.claim("M", "\"request\": \"REFUND\"", "\"condition\": {\"packaging\": \"DAMAGED\", \"usageTraces\": false}"),
            "{\"id\": \"M\", \"product\": {\"sku\": \"TV-55\", \"category\": \"TV\", \"price\": 3299.00, \"saleType\": \"GIFT\"}, "
                    + "\"purchaseDate\": \"2026-07-01\", \"claimDate\": \"2026-07-01\", \"qualityDefect\": true, \"request\": \"REPAIR\", "
                    + "\"fault\": \"NO_COOLING\", \"repairHistory\": [{\"completedOn\": \"2026-07-01\", \"fault\": \"NO_COOLING\"}], "
                    + "\"service\": {\"reportedAt\": \"2026-07-01T09:30\", \"urgency\": \"URGENT\", \"region\": \"SUBURB\", "
                    + "\"severity\": \"MINOR\", \"arrivedAt\": \"2026-07-01T15:00\"}}",
            "{\"id\": \"M\", \"product\": {\"sku\": \"S\"}, \"purchaseDate\": \"2026-01-31\", \"claimDate\": \"2026-05-01\", "
                    + "\"qualityDefect\": false, \"channel\": \"ONLINE\", \"deliveryDate\": \"2026-02-03\"}");

    /** How a line or a file gets damaged. */
    enum Damage { TRUNCATE, FLIP_BYTE, DELETE_BYTE, INSERT_JUNK, LATIN1, UTF16, BOM, DUPLICATE_KEY, HUGE_NUMBER, CONTROL, DEEP }

    /** One damage to a valid text, at a position and with a value chosen by the property. */
    record Mutation(int base, Damage damage, int where, int what) {
        byte[] apply(String text) {
            return FuzzTest.damage(text, damage, where, what);
        }
    }

    private static final List<Path> TEMP = new ArrayList<>();

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, VALID.size() - 1), Arbitraries.of(Damage.class),
                Arbitraries.integers().between(0, 100_000), Arbitraries.integers().between(0, 255)).as(Mutation::new);
    }

    @Property(tries = 400)
    void aDamagedClaimLineCostsOnlyItsOwnLines(@ForAll("mutations") Mutation mutation, @ForAll @IntRange(max = 3) int at) {
        byte[] file = fileWith(List.of(mutation), at);

        List<ClaimSource.Item> items = new ArrayList<>();
        try (ClaimSource source = ClaimSource.of("fuzz.jsonl", new ByteArrayInputStream(file))) {
            source.forEach(items::add);
        }
        List<Claim> claims = new ArrayList<>();
        for (ClaimSource.Item item : items) {
            if (item.isError()) {
                assertThat(item.error()).as("error of %s", mutation).doesNotContain("\n").doesNotMatch(NO_LEAK);
                assertThat(item.line()).isBetween(1, lineCount(file));
                continue;
            }
            try {
                ENGINE.check(item.claim());
                claims.add(item.claim());
            } catch (BadInputException e) {
                assertThat(e.getMessage()).doesNotMatch(NO_LEAK);
            }
        }
        Set<String> decided = new HashSet<>();
        for (PolicyEngine.Result result : ENGINE.decideEach(claims)) {
            assertThat(result.isFailure()).as("the bundled rules fail for no claim: %s", result.claim()).isFalse();
            decided.add(result.decision().claimId());
        }
        assertThat(decided).as("the good claims, whatever %s did to the line at %d", mutation, at).contains("G-0", "G-1", "G-2");
    }

    @Property(tries = 12)
    void decideReportsEveryDamagedLineAndDecidesTheRest(@ForAll @Size(min = 1, max = 6) List<@From("mutations") Mutation> mutations,
                                                         @ForAll @IntRange(max = 3) int at) {
        Path file = Cli.write(temp("claims").resolve("claims.jsonl"), fileWith(mutations, at));

        Cli.Run run = Cli.run("decide", "--json", file.toString());

        assertThat(run.out() + run.err()).as("%s", mutations).doesNotMatch(NO_LEAK);
        long errors = run.outLines().stream().filter(line -> line.startsWith("{\"line\":")).count();
        assertThat(run.exit()).as("exit code with %d error lines", errors).isEqualTo(errors == 0 ? 0 : 2);
        assertThat(run.errLines()).hasSize((int) errors);
        assertThat(run.outLines()).filteredOn(line -> line.startsWith("{\"claimId\":\"G-"))
                .as("the good claims of %s", mutations).hasSize(3);
    }

    @Property(tries = 8)
    void validateReportsADamagedRuleFileAsFileAndLine(@ForAll("mutations") Mutation mutation, @ForAll @IntRange(max = 6) int fileIndex) {
        Path pack = Cli.packWith(temp("rules").resolve("pack"), "extra.drl", "package packs.storestandard;\n");
        List<Path> files = drlFiles(pack);
        Path victim = files.get(fileIndex % files.size());
        Cli.write(victim, damageRules(read(victim), mutation));

        Cli.Run run = Cli.run("validate", pack.toString());

        assertThat(run.exit()).as("%s of %s:%n%s%s", mutation, victim.getFileName(), run.out(), run.err()).isIn(0, 1);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).doesNotContain("\tat ");
        // a pack that extends another first lists where its terms and rules come from (contract 14.1): not problems
        for (String line : run.outLines().stream().filter(line -> !line.startsWith("  ") && !line.contains(" extends ")).toList()) {
            assertThat(line).as("%s of %s", mutation, victim.getFileName()).startsWith(pack.toString());
            assertThat(line).matches(Pattern.quote(pack.toString()) + "(/[^:/]+\\.(drl|txt))?(:\\d+)?: .+");
        }
    }

    @AfterContainer
    static void removeTemporaryFiles() throws IOException {
        for (Path folder : TEMP) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
            }
        }
    }

    /** Three good claims G-0..G-2 with the damaged lines put in at line {@code at}. */
    private static byte[] fileWith(List<Mutation> mutations, int at) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i <= 3; i++) {
            if (i == at) {
                for (Mutation mutation : mutations) {
                    out.writeBytes(mutation.apply(VALID.get(mutation.base())));
                    out.write('\n');
                }
            }
            if (i < 3) out.writeBytes((Cli.claim("G-" + i) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** Damage to a rule file: a term made huge, a rule written twice, or the bytes damaged as a claim line's are. */
    private static byte[] damageRules(String drl, Mutation mutation) {
        String damaged = switch (mutation.damage()) {
            case HUGE_NUMBER -> drl.replaceFirst("(:\\s*int\\s*=\\s*)\\d+", "$1" + "9".repeat(5 + mutation.what()));
            case DUPLICATE_KEY -> {
                int rule = drl.indexOf("\nrule ");
                int end = rule < 0 ? -1 : drl.indexOf("\nend", rule);
                yield end < 0 ? drl + drl : drl + drl.substring(rule, end + 4) + "\n";
            }
            default -> null;
        };
        return damaged != null ? damaged.getBytes(StandardCharsets.UTF_8) : damage(drl, mutation.damage(), mutation.where(), mutation.what());
    }

    static byte[] damage(String text, Damage damage, int where, int what) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int at = bytes.length == 0 ? 0 : where % bytes.length;
        Random random = new Random(where * 31L + what);
        return switch (damage) {
            case TRUNCATE -> Arrays.copyOf(bytes, at);
            case FLIP_BYTE -> {
                byte[] flipped = bytes.clone();
                if (flipped.length > 0) flipped[at] = (byte) what;
                yield flipped;
            }
            case DELETE_BYTE -> bytes.length == 0 ? bytes : join(Arrays.copyOf(bytes, at), Arrays.copyOfRange(bytes, at + 1, bytes.length));
            case INSERT_JUNK -> join(Arrays.copyOf(bytes, at), junk(random), Arrays.copyOfRange(bytes, at, bytes.length));
            case LATIN1 -> ("\u00e9\u00e8 " + text).getBytes(StandardCharsets.ISO_8859_1);
            case UTF16 -> text.getBytes(what % 2 == 0 ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
            case BOM -> join(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes);
            case DUPLICATE_KEY -> text.replaceFirst("\\{\"", "{\"id\": \"dup\", \"").getBytes(StandardCharsets.UTF_8);
            case HUGE_NUMBER -> text.replaceFirst("(\"(?:price|id|sku|purchaseDate|qualityDefect)\": )[^,}]+",
                    "$1" + (what % 3 == 0 ? "-" : "") + "9".repeat(500 + what * 20) + (what % 2 == 0 ? "e99999999" : "")).getBytes(StandardCharsets.UTF_8);
            case CONTROL -> join(Arrays.copyOf(bytes, at), new byte[] {(byte) (what % 32)}, Arrays.copyOfRange(bytes, at, bytes.length));
            case DEEP -> join(Arrays.copyOf(bytes, at), "[".repeat(what * 10).getBytes(StandardCharsets.UTF_8),
                    Arrays.copyOfRange(bytes, at, bytes.length));
        };
    }

    private static byte[] junk(Random random) {
        String[] pieces = {"}", "{", "]", "[", ",", ":", "\"", "\\", "null", "//", "/*", "\u202E", "\u00e9", "NaN", "\r", "\n", "'"};
        StringBuilder junk = new StringBuilder();
        for (int i = 0; i < 1 + random.nextInt(4); i++) junk.append(pieces[random.nextInt(pieces.length)]);
        return junk.toString().getBytes(random.nextBoolean() ? StandardCharsets.UTF_8 : Charset.forName("GBK"));
    }

    private static byte[] join(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) out.writeBytes(part);
        return out.toByteArray();
    }

    private static int lineCount(byte[] file) {
        int lines = 1;
        for (int i = 0; i < file.length; i++) {
            if (file[i] == '\n' || file[i] == '\r' && (i + 1 == file.length || file[i + 1] != '\n')) lines++;
        }
        return lines;
    }

    private static Path temp(String prefix) {
        try {
            Path folder = Files.createTempDirectory("fuzz-" + prefix);
            TEMP.add(folder);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> drlFiles(Path pack) {
        try (Stream<Path> files = Files.list(pack)) {
            return files.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
