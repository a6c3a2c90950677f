package io.policyengine.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import io.policyengine.model.BadInputException;

import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One kind of object of the claim contract (the claim, its product, an event, ...): its fields in the contract's
 * order, each with what its value must be ({@link Kind}), whether it is required or what it is when absent, and
 * where the value goes in the draft {@code D} that is being filled. {@link ClaimFields} declares the shapes; the
 * fast reader ({@link #tokens}) and the strict one ({@link #node}) both go by them, so that they read the same fields.
 */
final class Shape<D> {

    private final Names names;
    private final Field<D>[] fields;
    /** The fields with something to do when absent, one bit each: a required one, or one with a default. */
    private final long whenAbsent;

    @SafeVarargs
    Shape(Field<D>... fields) {
        if (fields.length > Long.SIZE) throw new IllegalArgumentException("more fields than a long has bits");
        this.fields = fields.clone();
        this.names = new Names(Arrays.stream(fields).map(field -> field.name).toList());
        long absent = 0;
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].required || fields[i].hasDefault()) absent |= 1L << i;
        }
        whenAbsent = absent;
    }

    /** The field names in the contract's order. */
    List<String> names() {
        return names.list;
    }

    /**
     * Reads, fast, the object whose first field name the parser is at ({@code first}, from {@link #next}) into
     * {@code draft}, to the end of the object; throws {@link GiveUp#GIVE_UP} on anything not plainly good: an
     * unknown or repeated field, a required one absent, a value of another kind or an explicit {@code null}.
     */
    void tokens(JsonParser parser, int first, D draft) throws IOException {
        long seen = 0;
        for (int field = first; field != Names.END; field = names.next(parser, field)) {
            if (field == Names.UNKNOWN || (seen & 1L << field) != 0) throw GiveUp.GIVE_UP;
            seen |= 1L << field;
            fields[field].token(parser, parser.nextToken(), draft);
        }
        for (long absent = whenAbsent & ~seen; absent != 0; absent &= absent - 1) {
            Field<D> field = fields[Long.numberOfTrailingZeros(absent)];
            if (field.required) throw GiveUp.GIVE_UP;
            field.absent(draft);
        }
    }

    /** Moves the parser to the next field name of this shape's object; see {@link Names#next}. */
    int next(JsonParser parser, int previous) throws IOException {
        return names.next(parser, previous);
    }

    /**
     * Judges the object {@code object}, whose fields' paths start with {@code prefix} ({@code ""}, or
     * {@code "product."}), into {@code draft}, adding every problem to {@code problems}: its unknown fields first, in
     * the input's order, then each field's in the contract's order. An explicit {@code null} counts as absent.
     */
    void node(JsonNode object, String prefix, D draft, List<BadInputException> problems) {
        long meant = 0; // the fields an unknown one is taken for: their absence is that one typo, not a problem more
        for (Iterator<String> all = object.fieldNames(); all.hasNext(); ) {
            String name = all.next();
            if (names.indexOf(name) != Names.UNKNOWN) continue;
            String closest = FieldNames.closest(name, names.list);
            String problem = "unknown field" + (closest == null ? "" : FieldNames.didYouMean(closest));
            problems.add(new BadInputException(prefix + printable(name), problem));
            if (closest != null) meant |= 1L << names.indexOf(closest);
        }
        for (int i = 0; i < fields.length; i++) {
            Field<D> field = fields[i];
            JsonNode value = object.get(field.name);
            if (value != null && !value.isNull()) {
                field.node(value, prefix + field.name, draft, problems);
            } else if (field.required) {
                if ((meant & 1L << i) == 0) problems.add(new BadInputException(prefix + field.name, "missing"));
            } else {
                field.absent(draft);
            }
        }
    }

    /** A field name as it can stand in a one-line message: control characters written as JSON escapes ({@code \\n}, {@code \\u0000}). */
    private static String printable(String name) {
        StringBuilder shown = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean control = Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || c == '\u2028' || c == '\u2029';
            if (control && shown == null) shown = new StringBuilder(name.substring(0, i));
            if (shown == null) continue;
            if (!control) shown.append(c);
            else if (c == '\n') shown.append("\\n");
            else if (c == '\t') shown.append("\\t");
            else if (c == '\r') shown.append("\\r");
            else shown.append(String.format("\\u%04x", (int) c));
        }
        return shown == null ? name : shown.toString();
    }

    // ---- The fields, as ClaimFields declares them: one line each. ----

    /** A required value: "missing" when absent. */
    static <D, V> Field<D> required(String name, Kind<V> kind, BiConsumer<D, V> into) {
        return new Value<>(name, true, kind, null, into);
    }

    /** An optional value, left unset (null) when absent. */
    static <D, V> Field<D> optional(String name, Kind<V> kind, BiConsumer<D, V> into) {
        return new Value<>(name, false, kind, null, into);
    }

    /** An optional value that is {@code whenAbsent} when absent. */
    static <D, V> Field<D> orElse(String name, Kind<V> kind, V whenAbsent, BiConsumer<D, V> into) {
        return new Value<>(name, false, kind, whenAbsent, into);
    }

    /** A required object whose fields go straight into the parent's draft (a product's, into the claim's builder). */
    static <D> Field<D> requiredParts(String name, Shape<D> shape) {
        return new Nested<>(name, true, shape, parent -> parent, (parent, same) -> { });
    }

    /** An optional object, read into a draft of its own and then given to the parent as what the draft makes. */
    static <P, D extends Supplier<T>, T> Field<P> object(String name, Shape<D> shape, Supplier<D> draft, BiConsumer<P, T> into) {
        return new Nested<>(name, false, shape, parent -> draft.get(), (parent, read) -> into.accept(parent, read.get()));
    }

    /** An optional array of objects, each read as {@link #object} is and given to the parent in order; empty when absent. */
    static <P, D extends Supplier<T>, T> Field<P> objects(String name, Shape<D> shape, Supplier<D> draft, BiConsumer<P, T> into) {
        return new Array<>(new Nested<>(name, false, shape, parent -> draft.get(), (parent, read) -> into.accept(parent, read.get())));
    }

    /** One field: its name, whether it is required, and how its value is read into the draft. */
    abstract static class Field<D> {
        final String name;
        final boolean required;

        Field(String name, boolean required) {
            this.name = name;
            this.required = required;
        }

        /** Reads the value at the parser's current {@code token}; gives up unless it is plainly good. */
        abstract void token(JsonParser parser, JsonToken token, D draft) throws IOException;

        /** Judges the present, non-null {@code value}, adding its problems (naming {@code path}) to {@code problems}. */
        abstract void node(JsonNode value, String path, D draft, List<BadInputException> problems);

        /** Puts the default into the draft when the field is absent; nothing when there is none. */
        void absent(D draft) {
        }

        boolean hasDefault() {
            return false;
        }
    }

    private static final class Value<D, V> extends Field<D> {
        private final Kind<V> kind;
        private final V whenAbsent;
        private final BiConsumer<D, V> into;

        Value(String name, boolean required, Kind<V> kind, V whenAbsent, BiConsumer<D, V> into) {
            super(name, required);
            this.kind = kind;
            this.whenAbsent = whenAbsent;
            this.into = into;
        }

        @Override
        void token(JsonParser parser, JsonToken token, D draft) throws IOException {
            into.accept(draft, kind.token(parser, token));
        }

        @Override
        void node(JsonNode value, String path, D draft, List<BadInputException> problems) {
            try {
                into.accept(draft, kind.node(value, path));
            } catch (BadInputException e) {
                problems.add(e);
            }
        }

        @Override
        void absent(D draft) {
            if (whenAbsent != null) into.accept(draft, whenAbsent);
        }

        @Override
        boolean hasDefault() {
            return whenAbsent != null;
        }
    }

    /**
     * An object inside another: {@code open} gives the draft its fields go into, {@code close} puts it into the
     * parent's draft once the object is read (and, read strictly, only when its fields are good: a check across its
     * fields, such as an arrival before the report, is then a problem of its own).
     */
    private static final class Nested<P, D> extends Field<P> {
        private final Shape<D> shape;
        private final Function<P, D> open;
        private final BiConsumer<P, D> close;

        Nested(String name, boolean required, Shape<D> shape, Function<P, D> open, BiConsumer<P, D> close) {
            super(name, required);
            this.shape = shape;
            this.open = open;
            this.close = close;
        }

        @Override
        void token(JsonParser parser, JsonToken token, P parent) throws IOException {
            if (token != JsonToken.START_OBJECT) throw GiveUp.GIVE_UP;
            D draft = open.apply(parent);
            shape.tokens(parser, shape.next(parser, Names.END), draft);
            close.accept(parent, draft);
        }

        @Override
        void node(JsonNode value, String path, P parent, List<BadInputException> problems) {
            if (!value.isObject()) {
                problems.add(new BadInputException(path, "expected a JSON object, got " + Json.kind(value)));
                return;
            }
            D draft = open.apply(parent);
            int before = problems.size();
            shape.node(value, path + ".", draft, problems);
            if (problems.size() > before) return;
            try {
                close.accept(parent, draft);
            } catch (BadInputException e) {
                problems.add(e);
            }
        }
    }

    private static final class Array<P, D> extends Field<P> {
        private final Nested<P, D> element;

        Array(Nested<P, D> element) {
            super(element.name, false);
            this.element = element;
        }

        @Override
        void token(JsonParser parser, JsonToken token, P parent) throws IOException {
            if (token != JsonToken.START_ARRAY) throw GiveUp.GIVE_UP;
            JsonToken next;
            while ((next = parser.nextToken()) == JsonToken.START_OBJECT) element.token(parser, next, parent);
            if (next != JsonToken.END_ARRAY) throw GiveUp.GIVE_UP;
        }

        @Override
        void node(JsonNode value, String path, P parent, List<BadInputException> problems) {
            if (!value.isArray()) {
                problems.add(new BadInputException(path, "expected an array, got " + Json.shown(value)));
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                String at = path + "[" + i + "]";
                if (item.isObject()) element.node(item, at, parent, problems);
                else problems.add(new BadInputException(at, "expected a JSON object, got " + Json.kind(item)));
            }
        }
    }

    /** The field names of one kind of object in the contract's order, which is the order good claims mostly have. */
    static final class Names {
        static final int END = -1;
        static final int UNKNOWN = -2;

        private final List<String> list;
        private final SerializableString[] serialized;

        Names(List<String> list) {
            this.list = List.copyOf(list);
            this.serialized = list.stream().map(SerializedString::new).toArray(SerializableString[]::new);
        }

        /**
         * Moves the parser to the next field name and gives the field's index; {@link #END} at the end of the object,
         * {@link #UNKNOWN} for a name not in the list. The field after {@code previous} is matched first, on the
         * input's bytes: its name is then not looked up.
         */
        int next(JsonParser parser, int previous) throws IOException {
            int expected = previous + 1;
            if (expected < serialized.length) {
                if (parser.nextFieldName(serialized[expected])) return expected;
            } else {
                parser.nextToken();
            }
            return parser.currentToken() == JsonToken.FIELD_NAME ? indexOf(parser.currentName()) : END;
        }

        int indexOf(String name) {
            for (int i = 0; i < serialized.length; i++) {
                if (serialized[i].getValue().equals(name)) return i;
            }
            return UNKNOWN;
        }
    }
}
