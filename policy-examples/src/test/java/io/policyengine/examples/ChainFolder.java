package io.policyengine.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A small chain for tests (contract 14.2): Shanghai on store-standard over the Chinese law, in Chinese; an outlet on a
 * copy of store-standard whose defect refund window is 14 days instead of 15, in English; every other store on
 * store-standard alone, in English. A defect on day 15 asking for a refund tells the stacks apart.
 */
public final class ChainFolder {
    public static final String STORES = """
            store,region,pack,floors,lang
            SH-0012,East,store-standard,cn-consumer-law,zh-CN
            SH-OUT-1,East,packs/outlet,,en
            *,,store-standard,,en
            """;

    private ChainFolder() {
    }

    /** Writes the chain into {@code folder} and returns its stores file. */
    public static Path in(Path folder) {
        Path outlet = StoreStandardCopy.in(folder.resolve("packs").resolve("outlet"));
        edit(outlet.resolve("pack.drl"), "name          : String = \"store-standard\"", "name          : String = \"outlet\"");
        edit(outlet.resolve("pack.drl"), "defectRefundDays   : int = 15", "defectRefundDays   : int = 14");
        return save(folder.resolve("stores.csv"), STORES);
    }

    /** A defect on day 15 (bought 2026-03-01, claimed 2026-03-16) asking for a refund, made at {@code store} (none when null). */
    public static String day15Refund(String id, String store) {
        return "{\"id\": \"" + id + "\"" + (store == null ? "" : ", \"store\": \"" + store + "\"")
                + ", \"product\": {\"sku\": \"TV-55\", \"category\": \"TV\", \"price\": 3299.00}, \"purchaseDate\": \"2026-03-01\", "
                + "\"claimDate\": \"2026-03-16\", \"qualityDefect\": true, \"request\": \"REFUND\"}";
    }

    /** Replaces the first {@code from} in {@code file} by {@code to}, as an editor's save does: all at once. */
    public static void edit(Path file, String from, String to) {
        try {
            String text = Files.readString(file);
            if (!text.contains(from)) throw new IllegalStateException(file + " has no \"" + from + "\"");
            save(file, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code text} to {@code file} all at once (a rename), so that a watcher never reads half a file. */
    public static Path save(Path file, String text) {
        try {
            Path staged = Files.writeString(file.resolveSibling(file.getFileName() + ".tmp"), text);
            return Files.move(staged, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
