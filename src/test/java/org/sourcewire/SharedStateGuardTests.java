package org.sourcewire;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * The guard catches a class that leaves a shared table changed, at that class, and lets one that puts it back pass.
 * The fixture classes run in this JVM (JUnit's EngineTestKit), so in the same Spring context and database.
 */
class SharedStateGuardTests extends IntegrationTest {

    static final String FIXTURES = "sourcewire.shared-state-guard.fixtures";

    static final String PHRASE = "guard fixture phrase " + UUID.randomUUID();

    @AfterEach
    void forgetThePhrase() {
        jdbc.sql("delete from boilerplate_phrase where phrase = :phrase").param("phrase", PHRASE).update();
    }

    @Test
    void aClassThatLeavesAFillerPhraseFailsNamingTheTableAndThePhrase() {
        EngineExecutionResults results = run(LeavesAFillerPhrase.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
        results.containerEvents().assertThatEvents().haveExactly(1, event(container(LeavesAFillerPhrase.class),
                finishedWithFailure(instanceOf(AssertionError.class),
                        message(text -> text.startsWith("LeavesAFillerPhrase left tables that every test class reads")
                                && text.contains("boilerplate_phrase: added " + PHRASE + " = 5")))));
        assertThat(Duration.between(Instant.now(), clock.instant()).abs()).as("the clock it moved is back")
                .isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void aClassThatPutsItsPhraseBackPasses() {
        EngineExecutionResults results = run(PutsItsPhraseBack.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
        results.containerEvents().assertThatEvents().haveExactly(1,
                event(container(PutsItsPhraseBack.class), finishedSuccessfully()));
    }

    @Test
    void newTopicsAreAClassesOwnButAChangedOneOrANewSettingIsNot() {
        var before = Map.of("topic", Map.of("1", "Travel"), "query_setting", Map.of("auto-approve", "false"));

        assertThat(SharedStateGuard.changes(before,
                Map.of("topic", Map.of("1", "Travel", "99", "Fresh topic"), "query_setting", Map.of("auto-approve", "false"))))
                .isEmpty();
        assertThat(SharedStateGuard.changes(before,
                Map.of("topic", Map.of("1", "Travel retired 2026-12-07"), "query_setting",
                        Map.of("auto-approve", "false", "other", "x"))))
                .containsExactly("query_setting: added other = x", "topic: changed 1: Travel -> Travel retired 2026-12-07");
    }

    private static EngineExecutionResults run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture))
                .configurationParameter(FIXTURES, "true").execute();
    }

    /** Runs the fixture classes only inside this test (they are nested, so Surefire does not pick them). */
    static class OnlyFromGuardTests implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(FIXTURES).isPresent()
                    ? ConditionEvaluationResult.enabled("run by SharedStateGuardTests")
                    : ConditionEvaluationResult.disabled("a fixture of SharedStateGuardTests");
        }
    }

    @ExtendWith(OnlyFromGuardTests.class)
    static class LeavesAFillerPhrase extends IntegrationTest {

        @Test
        void addsAPhraseAndMovesTheClock() {
            jdbc.sql("insert into boilerplate_phrase (phrase, weight) values (:phrase, 5)").param("phrase", PHRASE).update();
            clock.advance(Duration.ofDays(3));
        }
    }

    @ExtendWith(OnlyFromGuardTests.class)
    static class PutsItsPhraseBack extends IntegrationTest {

        @AfterEach
        void putBack() {
            jdbc.sql("delete from boilerplate_phrase where phrase = :phrase").param("phrase", PHRASE).update();
        }

        @Test
        void addsAPhrase() {
            jdbc.sql("insert into boilerplate_phrase (phrase, weight) values (:phrase, 5)").param("phrase", PHRASE).update();
        }
    }
}
