package org.sourcewire;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.mail.Email;
import org.sourcewire.mail.Outbox;
import org.sourcewire.mail.TestSmtp;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the app on one PostgreSQL, as behind a load balancer: this test's shared context and a second
 * one started beside it on its own port. A session from one is valid on the other, a job lock held by one keeps the
 * other out, and outbox mail sent by both at once reaches each recipient once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTests extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext first;

    @Autowired
    Outbox outbox;

    private ConfigurableApplicationContext second;
    private int secondPort;

    @BeforeAll
    void startSecondInstance() {
        second = new SpringApplicationBuilder(SourcewireApplication.class)
                // The test class path's helper components (scanned here too) need a MockMvcTester.
                .initializers(new TestSmtp.Initializer(), context -> ((GenericApplicationContext) context).registerBean(
                        MockMvcTester.class, () -> MockMvcTester.from((WebApplicationContext) context)))
                // Events left outstanding by other test classes are theirs to finish, not this instance's.
                .properties("server.port=0", "spring.main.banner-mode=off",
                        "spring.modulith.events.republish-outstanding-events-on-restart=false")
                .run();
        secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void aSessionStartedOnOneInstanceIsValidOnTheOther() throws Exception {
        CurrentUser source = accounts.source();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> loginPage = browser.send(get(port, "/login"), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(loginPage.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + encode(source.email()) + "&password="
                        + encode(TestAccounts.PASSWORD) + "&_csrf=" + encode(csrf.group(1))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));

        // The cookie jar is per host, not per port: the same browser now asks the other instance.
        HttpResponse<String> onSecond = browser.send(get(secondPort, "/pitches"), HttpResponse.BodyHandlers.ofString());
        assertThat(onSecond.statusCode()).isEqualTo(200);
        HttpResponse<String> anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(get(secondPort, "/pitches"), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).as("without the session: to the log-in page").isEqualTo(302);
    }

    @Test
    void aJobLockTakenOnOneInstanceKeepsTheOtherOut() throws Exception {
        // The lock provider every @SchedulerLock job uses, one per instance, both on the shared shedlock table.
        List<LockProvider> providers = List.of(first.getBean(LockProvider.class), second.getBean(LockProvider.class));
        String job = "two-instances-" + UUID.randomUUID();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> instances = providers.stream().map(provider -> CompletableFuture.runAsync(() -> {
            try {
                start.await();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            new DefaultLockingTaskExecutor(provider).executeWithLock((Runnable) () -> {
                runs.incrementAndGet();
                sleep(300);
            }, new LockConfiguration(Instant.now(), job, Duration.ofMinutes(1), Duration.ofSeconds(5)));
        })).toList();
        start.countDown();
        CompletableFuture.allOf(instances.toArray(CompletableFuture[]::new)).get();
        assertThat(runs).hasValue(1);
    }

    @Test
    void outboxMailSentByBothInstancesAtOnceArrivesOnce() throws Exception {
        String to = TestAccounts.uniqueEmail("twice");
        for (int i = 0; i < 30; i++) {
            outbox.queue(new Email(to, new DefaultMessageSourceResolvable(null, null, "Two instances " + i), "mail/password-changed",
                    Map.of("name", "Twice", "resetLink", "http://localhost/password-reset")));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> senders = List.of(first, second).stream()
                .map(context -> context.getBean("outboxSender"))
                .map(sender -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    }
                    catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                    int total = 0;
                    Integer sent;
                    while ((sent = ReflectionTestUtils.invokeMethod(sender, "sendDue")) != null && sent > 0) {
                        total += sent;
                    }
                    return total;
                })).toList();
        start.countDown();
        int handled = 0;
        for (CompletableFuture<Integer> sender : senders) {
            handled += sender.get();
        }
        List<MimeMessage> received = java.util.Arrays.stream(TestSmtp.server().getReceivedMessages())
                .filter(message -> recipient(message).equals(to)).toList();
        // The two senders also send whatever earlier test classes left pending in the shared outbox.
        assertThat(handled).isGreaterThanOrEqualTo(30);
        assertThat(received).hasSize(30);
        assertThat(received.stream().map(TwoInstancesTests::subject).distinct()).hasSize(30);
    }

    private static HttpRequest get(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html").GET().build();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        }
        catch (jakarta.mail.MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        }
        catch (jakarta.mail.MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
