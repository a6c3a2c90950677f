package io.policyengine;

/**
 * A language the engine, or one of the packs of its stack, has no sentences in. The message is one
 * line, such as {@code unsupported "fr"; supported: en, zh-CN}.
 */
public final class UnsupportedLanguageException extends IllegalArgumentException {

    public UnsupportedLanguageException(String message) {
        super(message);
    }
}
