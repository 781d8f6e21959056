package org.sourcewire;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Double clicks and races for tests: the same work on real threads that are all let go at the same moment. */
public final class Concurrently {

    private Concurrently() {
    }

    /** Runs {@code task(0)} … {@code task(times - 1)} at once, each on its own thread; returns the results in order. */
    public static <T> List<T> run(int times, IntFunction<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(times);
        CountDownLatch ready = new CountDownLatch(times);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return task.apply(n);
                }));
            }
            // Every thread is waiting at the gate before any is let through, so the requests really overlap.
            ready.await();
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        }
        finally {
            pool.shutdownNow();
        }
    }

    /**
     * What a request came to, as a short text for assertions: its status, or the root cause when an exception went
     * unhandled (MockMvc has no error page, so a server error shows as an unresolved exception).
     */
    public static String outcome(MvcTestResult result) {
        Throwable unresolved = result.getUnresolvedException();
        if (unresolved == null) {
            return String.valueOf(result.getResponse().getStatus());
        }
        while (unresolved.getCause() != null && unresolved.getCause() != unresolved) {
            unresolved = unresolved.getCause();
        }
        String message = String.valueOf(unresolved.getMessage());
        return "unhandled " + unresolved.getClass().getSimpleName() + ": "
                + (message.length() > 120 ? message.substring(0, 120) + "…" : message);
    }

    /** True for an answer a user can live with: no unhandled exception and no 5xx. */
    public static boolean answered(MvcTestResult result) {
        return result.getUnresolvedException() == null && result.getResponse().getStatus() < 500;
    }
}
