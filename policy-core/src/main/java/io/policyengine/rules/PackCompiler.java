package io.policyengine.rules;

import io.policyengine.RuleLoadException;
import io.policyengine.RuleProblem;
import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.builder.conf.PropertySpecificOption;
import org.kie.internal.io.ResourceFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a pack's DRL files into a KieBase, or lists every problem with its file and line.
 * Uses the knowledge builder directly: one compilation, and no KieModule left behind in a
 * process-wide repository by each reload.
 */
final class PackCompiler {
    private static final Pattern RULE_NAME = Pattern.compile("Rule name='([^']*)'");
    /**
     * What the DRL parser says when it trips over its own feet (a NullPointerException on a file cut off mid-constraint):
     * {@code Line 13:40 unexpected exception at input '<eof>'. Exception: ... Stack trace: ...}. A syntax error all the same.
     */
    private static final Pattern PARSER_CRASH = Pattern.compile("^Line (\\d+):\\d+ (unexpected exception at input '[^']*')");
    private static final Pattern QUOTED_EXPRESSION = Pattern.compile("Unable to Analyse Expression (.+?): \\[");

    private static final String SYNTAX = "syntax error: ";

    private PackCompiler() {
    }

    /**
     * The pack's rules with their terms written in ({@link TermsInlined}); when that does not compile, the author's own text,
     * so that every problem is told as it is written.
     */
    static KieBase compile(PackFiles pack) throws RuleLoadException {
        List<PackFiles.DrlFile> inlined = TermsInlined.of(pack);
        if (inlined != pack.files()) {
            try {
                return compile(pack, inlined);
            } catch (RuleLoadException e) {
                // told below, from the author's text
            }
        }
        return compile(pack, pack.files());
    }

    private static KieBase compile(PackFiles pack, List<PackFiles.DrlFile> files) throws RuleLoadException {
        ClassLoader classes = BuiltModel.without(PackCompiler.class.getClassLoader());
        KnowledgeBuilderConfiguration configuration = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(classes);
        BuiltModel.keepHidden(configuration, classes);
        // rules only insert facts and never modify them: property reactivity buys nothing,
        // and would warn about every constraint that uses a variable bound in another pattern
        configuration.setOption(PropertySpecificOption.ALLOWED);
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(configuration);
        CompositeKnowledgeBuilder batch = builder.batch();
        Map<String, PackFiles.DrlFile> bySource = new HashMap<>();
        for (PackFiles.DrlFile file : files) {
            String source = file.path().toString();
            bySource.put(source, file);
            Resource resource = ResourceFactory.newByteArrayResource(file.text().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(source);
            batch.add(resource, ResourceType.DRL);
        }
        try {
            batch.build();
        } catch (RuntimeException e) {
            throw new RuleLoadException(List.of(RuleProblem.error(pack.folder(), 0, oneLine(e.getMessage()))));
        }
        List<RuleProblem> problems = new ArrayList<>();
        for (KnowledgeBuilderResult result : builder.getResults(ResultSeverity.ERROR)) {
            String text = oneLine(result.getMessage());
            if (text.startsWith("Parser returned a null Package")) continue;
            PackFiles.DrlFile file = result.getResource() == null ? null : bySource.get(result.getResource().getSourcePath());
            Path path = file == null ? pack.folder() : file.path();
            int line = firstLine(result.getLines());
            Matcher crash = PARSER_CRASH.matcher(text);
            if (crash.find()) {
                // its stack trace tells an author nothing: the line, and that the file ends or breaks there
                problems.add(RuleProblem.error(path, Integer.parseInt(crash.group(1)), SYNTAX + crash.group(2)));
                continue;
            }
            if (line <= 1 && file != null) line = lineOfQuote(file.text(), text, line);
            if (line <= 0 && file != null) line = lineOfRuleIn(file.text(), text);
            problems.add(RuleProblem.error(path, line, text));
        }
        List<RuleProblem> syntax = problems.stream().filter(p -> p.message().startsWith("[ERR ") || p.message().startsWith(SYNTAX)).toList();
        // a file that does not parse leaves its declarations (Terms, Pack) unbuilt, and every other
        // file then fails to resolve them: only the syntax errors are worth the author's time
        if (!syntax.isEmpty()) throw new RuleLoadException(ProblemHints.improve(syntax, text(bySource), classes));
        if (!problems.isEmpty()) {
            throw new RuleLoadException(ProblemHints.improve(problems, text(bySource), classes));
        }
        try {
            KieBaseConfiguration base = KieServices.get().newKieBaseConfiguration(null, classes);
            BuiltModel.keepHidden(base, classes);
            return ((KnowledgeBuilderImpl) builder).newKnowledgeBase(base);
        } catch (RuntimeException e) {
            throw new RuleLoadException(List.of(RuleProblem.error(pack.folder(), 0, oneLine(e.getMessage()))));
        }
    }

    private static java.util.function.Function<Path, String> text(Map<String, PackFiles.DrlFile> bySource) {
        return path -> bySource.containsKey(path.toString()) ? bySource.get(path.toString()).text() : null;
    }

    private static int firstLine(int[] lines) {
        return lines == null || lines.length == 0 ? 0 : lines[0];
    }

    private static String oneLine(String text) {
        return String.valueOf(text).replaceAll("\\s+", " ").trim();
    }

    /**
     * Drools puts some errors at line 1 or none (an expression that uses a misspelled term's binding):
     * when the message quotes the expression, point at the first line that holds it.
     */
    static int lineOfQuote(String drl, String errorText, int line) {
        Matcher quote = QUOTED_EXPRESSION.matcher(errorText);
        if (!quote.find()) return line;
        String expression = quote.group(1).trim();
        String[] lines = drl.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!expression.isEmpty() && lines[i].contains(expression)) return i + 1;
        }
        return line;
    }

    /** Drools gives no line for some errors; they name the rule, so point at its declaration. */
    static int lineOfRuleIn(String drl, String errorText) {
        Matcher name = RULE_NAME.matcher(errorText);
        if (name.find()) {
            String[] lines = drl.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i].trim();
                if (l.startsWith("rule") && l.contains("\"" + name.group(1) + "\"")) return i + 1;
            }
        }
        return 1;
    }
}
