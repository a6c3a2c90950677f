package io.policyengine;

import io.policyengine.text.Language;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A chain's stores file (contract 14.2): which stack decides the claims of each store.
 *
 * <pre>
 * store,region,pack,floors,lang
 * SH-0012,East,store-standard,cn-consumer-law,zh-CN
 * *,,store-standard,,en
 * </pre>
 *
 * UTF-8, a header naming the five columns (in any order), {@code #} comments and blank lines skipped. Values
 * are plain (no quotes: no store id, region or pack name needs a comma). Reading checks the file's own
 * shape; whether each pack and floor loads is checked by {@link StoreEngine}, which reports at the same lines.
 *
 * @param file the file as given; messages name it
 * @param rows the stores in file order, the {@code *} row among them
 */
public record StoresFile(Path file, List<Row> rows) {
    /** The id of the row for every store without one of its own. */
    public static final String ANY_STORE = "*";
    static final List<String> COLUMNS = List.of("store", "region", "pack", "floors", "lang");

    /**
     * One store's row.
     *
     * @param store  the store's id, or {@code *}
     * @param region free text, for the report; empty when unsaid
     * @param pack   a bundled pack's name, or a folder relative to the stores file
     * @param floors bundled names or folders, in stacking order; empty when none
     * @param lang   the default language of the store's sentences
     * @param line   the row's line in the file
     */
    public record Row(String store, String region, String pack, List<String> floors, Locale lang, int line) {
        public Row {
            floors = List.copyOf(floors);
        }

        /** The stack this row names: rows naming the same pack and floors share one engine. */
        String stack() {
            return pack + ";" + String.join(";", floors);
        }
    }

    public StoresFile {
        rows = List.copyOf(rows);
    }

    /**
     * Reads and checks the file: a missing or unknown column, a row of the wrong width, a blank or
     * duplicate store, a missing pack, a blank floor, an unsupported language. Every problem at once.
     *
     * @throws RuleLoadException with each problem as {@code FILE:LINE: message}
     */
    public static StoresFile read(Path file) throws RuleLoadException {
        List<RuleProblem> problems = new ArrayList<>();
        StoresFile read = read(file, problems);
        if (!problems.isEmpty()) throw new RuleLoadException(problems);
        return read;
    }

    /** The file's good rows; the problems of the others (and of the file) added to {@code problems}. */
    static StoresFile read(Path file, List<RuleProblem> problems) throws RuleLoadException {
        List<String> lines;
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            lines = Arrays.asList(text.split("\r?\n", -1));
        } catch (CharacterCodingException e) {
            throw new RuleLoadException(List.of(RuleProblem.error(file, 0, "not valid UTF-8")));
        } catch (IOException e) {
            throw new RuleLoadException(List.of(RuleProblem.error(file, 0, "cannot read: " + e.getMessage())));
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> column = null;
        Map<String, Integer> firstLine = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String text = i == 0 && lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(i);
            if (text.isBlank() || text.strip().startsWith("#")) continue;
            String[] cells = text.split(",", -1);
            for (int c = 0; c < cells.length; c++) cells[c] = cells[c].strip();
            if (column == null) {
                column = header(file, number, cells, problems);
                if (column == null) break; // without its columns no row can be read
                continue;
            }
            if (cells.length != column.size()) {
                problems.add(RuleProblem.error(file, number, "expected " + column.size() + " columns ("
                        + String.join(",", column.keySet()) + "), got " + cells.length));
                continue;
            }
            Row row = row(file, number, cells, column, problems);
            if (row == null) continue;
            Integer first = firstLine.putIfAbsent(row.store(), number);
            if (first != null) {
                problems.add(RuleProblem.error(file, number, "duplicate store \"" + row.store() + "\" (first at line " + first + ")"));
                continue;
            }
            rows.add(row);
        }
        if (column == null && problems.isEmpty()) {
            problems.add(RuleProblem.error(file, 0, "no header line: expected " + String.join(",", COLUMNS)));
        }
        return new StoresFile(file, rows);
    }

    /** The row of {@code store}, else the {@code *} row; null when neither (a null store takes the {@code *} row). */
    public Row rowFor(String store) {
        Row any = null;
        for (Row row : rows) {
            if (store != null && row.store().equals(store)) return row;
            if (row.store().equals(ANY_STORE)) any = row;
        }
        return any;
    }

    /** Each column's place, from the header; null (and the problems added) when a column is missing or unknown. */
    private static Map<String, Integer> header(Path file, int number, String[] cells, List<RuleProblem> problems) {
        Map<String, Integer> column = new LinkedHashMap<>();
        int before = problems.size();
        for (int c = 0; c < cells.length; c++) {
            String name = cells[c].toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                problems.add(RuleProblem.error(file, number, "unknown column \"" + cells[c] + "\"; the columns are " + String.join(",", COLUMNS)));
            } else if (column.putIfAbsent(name, c) != null) {
                problems.add(RuleProblem.error(file, number, "column \"" + name + "\" twice"));
            }
        }
        for (String name : COLUMNS) {
            if (!column.containsKey(name)) problems.add(RuleProblem.error(file, number, "missing column \"" + name + "\""));
        }
        return problems.size() == before ? column : null;
    }

    private static Row row(Path file, int number, String[] cells, Map<String, Integer> column, List<RuleProblem> problems) {
        int before = problems.size();
        String store = cells[column.get("store")];
        if (store.isEmpty()) problems.add(RuleProblem.error(file, number, "store: missing (an id, or * for every other store)"));
        String pack = cells[column.get("pack")];
        if (pack.isEmpty()) problems.add(RuleProblem.error(file, number, "pack: missing (a bundled pack's name or a folder)"));
        List<String> floors = new ArrayList<>();
        String floorCell = cells[column.get("floors")];
        if (!floorCell.isEmpty()) {
            for (String floor : floorCell.split(";", -1)) {
                if (floor.isBlank()) problems.add(RuleProblem.error(file, number, "floors: an empty name between ;"));
                else floors.add(floor.strip());
            }
        }
        String lang = cells[column.get("lang")];
        Language language = lang.isEmpty() ? Language.EN : Language.ofTag(lang).orElse(null);
        if (language == null) {
            problems.add(RuleProblem.error(file, number, "lang: unsupported \"" + lang + "\"; supported: " + Language.tags()));
        }
        if (problems.size() != before) return null;
        return new Row(store, cells[column.get("region")], pack, floors, language.locale(), number);
    }
}
