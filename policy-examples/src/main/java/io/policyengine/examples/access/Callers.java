package io.policyengine.examples.access;

import java.security.MessageDigest;
import java.util.List;

/** The callers of a callers file, each with its token's SHA-256. Immutable, thread-safe. */
public final class Callers {
    /** A caller and the SHA-256 of its token. */
    record Entry(Caller caller, byte[] digest) {
    }

    private final Entry[] entries;

    Callers(List<Entry> entries) {
        this.entries = entries.toArray(Entry[]::new);
    }

    /**
     * The caller whose token this is, or null. Every entry is compared, each in constant time, so the time
     * taken says nothing about how close a guess came, nor which entry matched.
     */
    public Caller byToken(String token) {
        byte[] digest = Tokens.digest(token);
        Caller found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), digest)) found = entry.caller();
        }
        return found;
    }

    public int size() {
        return entries.length;
    }
}
