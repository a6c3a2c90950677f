package io.policyengine.examples.cli;

import io.policyengine.examples.command.ExitCodes;
import io.policyengine.examples.pipeline.CliOutput;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The {@code ./policy} launcher: builds the writers, runs the command line, exits with its code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // the file descriptor itself, not System.out: that flushes every write, and decisions come in batches of bytes
        PrintWriter out = new CliOutput(new FileOutputStream(FileDescriptor.out));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int exit;
        try {
            exit = PolicyCli.run(System.in, out, err, List.of(new BenchCommand()), args);
        } catch (OutOfMemoryError e) {
            // one line, as for any failure; the heap is what JAVA_OPTS=-Xmx gives
            err.println("error: out of memory (the JVM's heap is " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MiB; give it more with JAVA_OPTS=-Xmx...)");
            exit = ExitCodes.BAD_INPUT;
        }
        System.exit(exit);
    }
}
