package org.sourcewire.infrastructure;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed pool of daemon threads named {@code name-1}, {@code name-2}…, started on first use (most instances never
 * build a digest edition) and stopped by {@link #close()}, which its owner calls when the context closes.
 */
public final class LazyThreadPool implements AutoCloseable {

    private final String name;
    private final int threads;
    private ExecutorService pool;

    public LazyThreadPool(String name, int threads) {
        this.name = name;
        this.threads = Math.max(1, threads);
    }

    public synchronized ExecutorService get() {
        if (pool == null) {
            AtomicInteger count = new AtomicInteger();
            pool = Executors.newFixedThreadPool(threads, task -> {
                Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        return pool;
    }

    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.shutdownNow();
            pool = null;
        }
    }
}
