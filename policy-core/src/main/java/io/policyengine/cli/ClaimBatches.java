package io.policyengine.cli;

import io.policyengine.PolicyEngine;
import io.policyengine.json.ClaimSource;
import io.policyengine.model.BadInputException;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;

import io.policyengine.json.DecisionJson;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads claims from the inputs and decides them in batches, handing back every item, good or bad,
 * in input order. Only one batch is held in memory, so any input size streams through.
 */
final class ClaimBatches {
    private static final int BATCH = 1024;

    interface Sink {
        /** {@code decision} is null when the item is bad input. */
        void accept(ClaimSource.Item item, Decision decision);
    }

    private ClaimBatches() {
    }

    /** Returns true when every item was a claim and got decided. */
    static boolean decide(PolicyEngine engine, List<String> inputs, InputStream stdin, Sink sink) {
        List<ClaimSource.Item> pending = new ArrayList<>(BATCH);
        boolean allGood = read(engine, inputs, stdin, item -> {
            pending.add(item);
            if (pending.size() == BATCH) flush(engine, pending, sink);
        });
        flush(engine, pending, sink);
        return allGood;
    }

    /** Hands over every item of the inputs in order, a claim the engine cannot decide turned into its error; true when all were claims. */
    static boolean read(PolicyEngine engine, List<String> inputs, InputStream stdin, Consumer<ClaimSource.Item> onItem) {
        boolean allGood = true;
        for (String input : inputs) {
            try (ClaimSource source = ClaimSource.open(input, stdin)) {
                for (ClaimSource.Item read : source) {
                    ClaimSource.Item item = decidable(engine, read);
                    allGood &= item.claim() != null;
                    onItem.accept(item);
                }
            }
        }
        return allGood;
    }

    /** Contract section 4: a bad claim's error object in its place on stdout, and one line on stderr. */
    static void reportBadInput(ClaimSource.Item item, PrintWriter out, PrintWriter err) {
        out.println(DecisionJson.errorLine(item.line(), item.claimId(), item.error()));
        err.println(Printable.oneLine(item.source() + ":" + item.line() + ": " + item.error()));
    }

    /** The item, or its error when the engine cannot decide its claim (no version in force on its purchase date). */
    static ClaimSource.Item decidable(PolicyEngine engine, ClaimSource.Item item) {
        if (item.claim() == null) return item;
        try {
            engine.check(item.claim());
            return item;
        } catch (BadInputException e) {
            return new ClaimSource.Item(item.source(), item.line(), null, item.claim().id(), e.getMessage());
        }
    }

    private static void flush(PolicyEngine engine, List<ClaimSource.Item> pending, Sink sink) {
        List<Claim> claims = new ArrayList<>(pending.size());
        for (ClaimSource.Item item : pending) {
            if (item.claim() != null) claims.add(item.claim());
        }
        List<Decision> decisions = engine.decideAll(claims);
        int next = 0;
        for (ClaimSource.Item item : pending) {
            sink.accept(item, item.claim() != null ? decisions.get(next++) : null);
        }
        pending.clear();
    }
}
