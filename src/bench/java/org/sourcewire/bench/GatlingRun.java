package org.sourcewire.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Runs one Gatling simulation in this JVM and reads its results back from the report Gatling writes. Gatling's own
 * HTML report stays under target/bench/gatling for a closer look.
 */
final class GatlingRun {

    private GatlingRun() {
    }

    record Stats(String name, long ok, long ko, double seconds, double rps, long min, long p50, long p75, long p95,
            long p99, long max) {

        String row() {
            return "%,d | %,d | %,.0f | %d | %d | %d | %d | %d".formatted(ok, ko, rps, p50, p75, p95, p99, max);
        }
    }

    static Path run(Class<?> simulation, Path resultsRoot, Map<String, String> properties) {
        properties.forEach(System::setProperty);
        Map<String, Level> levels = logLevels();
        try {
            Files.createDirectories(resultsRoot);
            List<Path> before = runs(resultsRoot);
            int status = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] { "-s", simulation.getName(), "-rf",
                    resultsRoot.toAbsolutePath().toString(), "-rd", simulation.getSimpleName() });
            List<Path> after = new ArrayList<>(runs(resultsRoot));
            after.removeAll(before);
            if (after.isEmpty()) {
                throw new IllegalStateException("Gatling wrote no results (exit " + status + ")");
            }
            return after.get(0);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        finally {
            restore(levels);
        }
    }

    /** The log levels set in this JVM (Spring Boot set them from logging.level.*), by logger name. */
    private static Map<String, Level> logLevels() {
        Map<String, Level> levels = new HashMap<>();
        for (Logger logger : ((LoggerContext) LoggerFactory.getILoggerFactory()).getLoggerList()) {
            if (logger.getLevel() != null) {
                levels.put(logger.getName(), logger.getLevel());
            }
        }
        return levels;
    }

    /**
     * Gatling stops Logback when a run ends, and a stopped Logback is reset: every logger at DEBUG. The app in this
     * JVM then built every debug message of Spring (transactions, security, MVC) on every request for the rest of the
     * benchmark (about 2% of its time in the profile) and threw it away. The levels Spring Boot set are put back.
     */
    private static void restore(Map<String, Level> levels) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        levels.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }

    private static List<Path> runs(Path root) throws IOException {
        try (Stream<Path> runs = Files.list(root)) {
            return runs.filter(Files::isDirectory).sorted(Comparator.naturalOrder()).toList();
        }
    }

    /** The figures of a run (one request name per simulation), read from its simulation.log with Gatling's reader. */
    static Stats stats(Path run, String name) {
        io.gatling.charts.stats.LogFileData data = io.gatling.charts.stats.LogFileReader
                .apply(run.getFileName().toString(), run.getParent(), io.gatling.core.config.GatlingConfiguration.load())
                .read();
        scala.Option<io.gatling.charts.stats.GeneralStats> ok = data.requestGeneralStats(scala.Option.empty(),
                scala.Option.empty(), scala.Option.apply(io.gatling.commons.stats.OK$.MODULE$));
        scala.Option<io.gatling.charts.stats.GeneralStats> ko = data.requestGeneralStats(scala.Option.empty(),
                scala.Option.empty(), scala.Option.apply(io.gatling.commons.stats.KO$.MODULE$));
        scala.Option<io.gatling.charts.stats.GeneralStats> all = data.requestGeneralStats(scala.Option.empty(),
                scala.Option.empty(), scala.Option.empty());
        long koCount = ko.isDefined() ? ko.get().count() : 0;
        if (ok.isEmpty()) {
            return new Stats(name, 0, koCount, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        io.gatling.charts.stats.GeneralStats s = ok.get();
        double rps = s.meanRequestsPerSec();
        double seconds = rps > 0 ? s.count() / rps : 0;
        return new Stats(name, s.count(), koCount, seconds, rps, s.min(), percentile(s, 50), percentile(s, 75),
                percentile(s, 95), percentile(s, 99), s.max());
    }

    private static long percentile(io.gatling.charts.stats.GeneralStats stats, double rank) {
        return ((Number) stats.percentile().apply(rank)).longValue();
    }
}
