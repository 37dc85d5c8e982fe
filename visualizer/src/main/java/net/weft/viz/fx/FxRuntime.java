package net.weft.viz.fx;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;

/**
 * Starts the JavaFX toolkit once per JVM without an {@code Application} subclass (so the viewer runs from
 * the plain class path) and runs work on its thread. Headless runs use Monocle
 * ({@code -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw}) or Xvfb.
 */
public final class FxRuntime {

    private static boolean started;

    private FxRuntime() {
    }

    /** Starts the toolkit if it is not running yet; the JVM does not exit when the last window closes. */
    public static synchronized void start() {
        if (started) {
            return;
        }
        CountDownLatch ready = new CountDownLatch(1);
        try {
            Platform.startup(ready::countDown);
        } catch (IllegalStateException alreadyRunning) {
            ready.countDown();
        }
        awaitUninterruptibly(ready);
        Platform.setImplicitExit(false);
        started = true;
    }

    /** Runs {@code work} on the JavaFX thread and returns its result; exceptions are rethrown here. */
    public static <T> T call(Callable<T> work) {
        start();
        if (Platform.isFxApplicationThread()) {
            try {
                return work.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the JavaFX thread", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
