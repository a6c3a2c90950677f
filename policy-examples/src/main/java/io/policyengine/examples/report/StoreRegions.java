package io.policyengine.examples.report;

import io.policyengine.StoresFile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each store's region, as a chain's stores file gives it (contract 14.2): what the decision log writes beside a
 * claim and the report groups by with {@code --per region} (14.3). A store without a row of its own takes the
 * {@code *} row's region; an empty region is none.
 */
public final class StoreRegions {
    private final Map<String, String> byStore = new HashMap<>();
    private final String any;

    private StoreRegions(List<StoresFile.Row> rows) {
        for (StoresFile.Row row : rows) {
            if (!row.region().isEmpty()) byStore.put(row.store(), row.region());
        }
        any = byStore.get(StoresFile.ANY_STORE);
    }

    public static StoreRegions of(List<StoresFile.Row> rows) {
        return new StoreRegions(rows);
    }

    /** The region of {@code store} (null for a claim without one, which takes the {@code *} row); null when unsaid. */
    public String of(String store) {
        return store == null ? any : byStore.getOrDefault(store, any);
    }
}
