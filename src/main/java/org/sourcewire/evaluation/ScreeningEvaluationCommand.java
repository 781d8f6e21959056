package org.sourcewire.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code --sourcewire.screening.evaluate=labelled.json}: screens the file on a throwaway database (see
 * {@link EvaluationEnvironment}), prints the figures, writes every pitch's result as JSON next to it (or to
 * {@code --sourcewire.screening.evaluate-output=…}), and ends the application.
 */
@Component
@ConditionalOnProperty(EvaluationEnvironment.FILE)
class ScreeningEvaluationCommand implements ApplicationRunner {

    private final ScreeningEvaluator evaluator;
    private final JsonMapper json;
    private final ConfigurableApplicationContext context;

    ScreeningEvaluationCommand(ScreeningEvaluator evaluator, JsonMapper json, ConfigurableApplicationContext context) {
        this.evaluator = evaluator;
        this.json = json;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments arguments) throws IOException {
        var environment = context.getEnvironment();
        Path file = Path.of(environment.getRequiredProperty(EvaluationEnvironment.FILE));
        String output = environment.getProperty(EvaluationEnvironment.OUTPUT, "");
        Path results = output.isBlank() ? file.resolveSibling(file.getFileName() + ".results.json") : Path.of(output);
        int status = 0;
        try {
            LabelledSet set = LabelledSet.read(json.readTree(Files.readString(file)));
            EvaluationResult result = evaluator.evaluate(set);
            Files.writeString(results, json.writerWithDefaultPrettyPrinter().writeValueAsString(result.toJson()));
            System.out.println("\nScreening of " + file + "\n\n" + result.summary() + "\nEvery pitch's result: " + results);
        }
        catch (IllegalArgumentException ex) {
            System.err.println(file + " is not a labelled set: " + ex.getMessage());
            status = 2;
        }
        int exit = status;
        System.exit(SpringApplication.exit(context, () -> exit));
    }
}
