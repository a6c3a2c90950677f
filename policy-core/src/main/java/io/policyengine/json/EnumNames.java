package io.policyengine.json;

import java.util.Arrays;

/**
 * The constants of one enum by their exact names (case matters), found from a string or straight from a
 * parser's characters, so that reading an enum value makes no {@code String}.
 */
final class EnumNames<E extends Enum<E>> {

    private static final ClassValue<EnumNames<?>> ALL = new ClassValue<>() {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        protected EnumNames<?> computeValue(Class<?> type) {
            return new EnumNames(type.asSubclass(Enum.class));
        }
    };

    private final E[] constants;
    private final char[][] names;

    private EnumNames(Class<E> type) {
        constants = type.getEnumConstants();
        names = new char[constants.length][];
        for (int i = 0; i < constants.length; i++) names[i] = constants[i].name().toCharArray();
    }

    @SuppressWarnings("unchecked")
    static <E extends Enum<E>> EnumNames<E> of(Class<E> type) {
        return (EnumNames<E>) ALL.get(type);
    }

    /** The constant named {@code name}; null when there is none. */
    E find(String name) {
        return find(name.toCharArray(), 0, name.length());
    }

    /** The constant named by {@code length} characters of {@code text} from {@code offset}; null when there is none. */
    E find(char[] text, int offset, int length) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].length == length && Arrays.equals(names[i], 0, length, text, offset, offset + length)) {
                return constants[i];
            }
        }
        return null;
    }

    /** The names, in declaration order, as a message lists them: {@code REFUND, EXCHANGE, REPAIR}. */
    String allowed() {
        StringBuilder list = new StringBuilder();
        for (E constant : constants) list.append(list.length() == 0 ? "" : ", ").append(constant.name());
        return list.toString();
    }
}
