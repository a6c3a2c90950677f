package io.policyengine.examples.command;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Checks of option values, each failing with one line that names the option and what it allows. */
public final class OptionValues {

    private OptionValues() {
    }

    /** {@code value} when it is at least {@code min}; otherwise a usage error, exit 2. */
    public static int atLeast(CommandSpec spec, String option, int value, int min) {
        if (value < min) throw new OutOfRange(spec.commandLine(), option + ": must be at least " + min + ", got " + value);
        return value;
    }

    /** {@code value} when it is at most {@code max}; otherwise a usage error, exit 2. */
    public static int atMost(CommandSpec spec, String option, int value, int max) {
        if (value > max) throw new OutOfRange(spec.commandLine(), option + ": must be at most " + max + ", got " + value);
        return value;
    }

    /** A value the option does not allow: the one line says it all, without the usage after it. */
    public static final class OutOfRange extends CommandLine.ParameterException {
        public OutOfRange(CommandLine commandLine, String message) {
            super(commandLine, message);
        }
    }
}
