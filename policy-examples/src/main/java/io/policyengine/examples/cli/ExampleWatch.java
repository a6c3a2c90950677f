package io.policyengine.examples.cli;

import io.policyengine.examples.command.ExitCodes;
import io.policyengine.examples.words.Words;
import io.policyengine.RuleLoadException;
import io.policyengine.model.BadInputException;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;

/**
 * {@code test --watch}: runs the examples, then again after every save, in the same process, so a
 * re-run pays neither a JVM start nor more than the rules' compilation. Rules that do not compile are
 * reported as {@code FILE:LINE} problems and the watch goes on to the next save. Ctrl-C ends it with exit 0.
 */
final class ExampleWatch {

    /** The saves to react to. */
    interface Saves extends AutoCloseable {
        /** Blocks until some watched file has been saved (and then stayed quiet); false when watching is over. */
        boolean next() throws InterruptedException;

        @Override
        void close();
    }

    /** One run of the examples: loads the rules afresh and prints {@code N passed, N failed}. */
    interface Run {
        int run() throws RuleLoadException, IOException;
    }

    private final PrintWriter out;
    private final PrintWriter err;
    private final Words words;

    ExampleWatch(PrintWriter out, PrintWriter err, Words words) {
        this.out = out;
        this.err = err;
        this.words = words;
    }

    int run(Saves saves, Run examples) {
        Thread interrupted = new Thread(() -> {
            out.flush();
            Runtime.getRuntime().halt(ExitCodes.OK); // Ctrl-C is how a watch ends, not a failure
        }, "policy-test-watch-exit");
        Runtime.getRuntime().addShutdownHook(interrupted);
        try (saves) {
            once(examples, true);
            out.println(words.get("watch.watching"));
            out.flush();
            while (saves.next()) {
                out.println();
                out.println(words.get("watch.saved"));
                out.flush();
                once(examples, false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(interrupted);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook is running
            }
        }
        return ExitCodes.OK;
    }

    /** One run; on the first, a usage error (an unsupported {@code --lang}) ends the watch before it starts. */
    private void once(Run examples, boolean first) {
        try {
            examples.run();
        } catch (BadInputException e) {
            if (first) throw e;
            err.println(PolicyCli.oneLine(e));
            out.println(words.get("watch.notRun"));
        } catch (RuleLoadException e) {
            err.println(PolicyCli.oneLine(e));
            out.println(words.render("watch.rulesDoNotLoad", Map.of("problems", e.problems().size())));
        } catch (IOException | RuntimeException e) {
            err.println(PolicyCli.oneLine(e));
            out.println(words.get("watch.notRun"));
        }
        out.flush();
        err.flush();
    }
}
