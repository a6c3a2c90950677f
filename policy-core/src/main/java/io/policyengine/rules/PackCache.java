package io.policyengine.rules;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The packs a rules folder compiled to lately, by folder and content hash (its parents' included): a folder saved back
 * to what it held a moment ago (an undo, a revert, a ConfigMap rolled back) goes live again without compiling. The same
 * files compile to the same pack, and a pack is immutable. Keeps the last {@value #KEPT}, so that an engine holds a few
 * knowledge bases at most. Thread-safe.
 */
public final class PackCache {
    private static final int KEPT = 4;

    private final Map<String, RulePack> packs = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RulePack> eldest) {
            return size() > KEPT;
        }
    };

    /** Keeps {@code pack}, compiled from its folder as it is now. */
    public synchronized void add(RulePack pack) {
        packs.put(key(pack.folder(), pack.policy().hash()), pack);
    }

    /** The pack compiled from {@code folder} when it held files of this content hash; null when none is kept. */
    synchronized RulePack get(Path folder, String hash) {
        return packs.get(key(folder, hash));
    }

    private static String key(Path folder, String hash) {
        return folder + "\n" + hash;
    }
}
