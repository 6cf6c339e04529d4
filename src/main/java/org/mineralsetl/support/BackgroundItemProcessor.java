package org.mineralsetl.support;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStream;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs a processor on one background thread of its own, in the order of the items (the delegate need not be
 * thread-safe), and hands the step a future at once: the writer takes the results as they become ready and
 * streams them to the database while the next ones are processed (the pattern of Spring Batch's
 * AsyncItemProcessor, whose writer would wait for the whole chunk before writing any of it). The thread lives
 * from the step's open to its close.
 */
public class BackgroundItemProcessor<I, O> implements ItemProcessor<I, Future<O>>, ItemStream {

    private final Supplier<ItemProcessor<I, O>> delegateOfStep;
    private final String name;
    private ItemProcessor<I, O> delegate;
    private ExecutorService executor;

    /**
     * @param delegate made on the background thread at the first item, so that a processor that cannot be made
     *                 (a file name that lacks what it needs) fails the step where its items are written, with
     *                 its own message
     */
    public BackgroundItemProcessor(String name, Supplier<ItemProcessor<I, O>> delegate) {
        this.name = name;
        this.delegateOfStep = delegate;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public Future<O> process(I item) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                if (delegate == null) {
                    delegate = delegateOfStep.get();
                }
                return delegate.process(item);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, executor);
    }

    /** The result of a future from {@link #process}: what the delegate returned, or what it threw. */
    public static <O> O result(Future<O> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a processed item", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause() : e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        }
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }
}
