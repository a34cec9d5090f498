package vn.motcua.e2e;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeoutException;

/**
 * Which test classes of the run have not finished yet, so that a test that changes what every other one relies on
 * (the Sa Đéc units of 2025) can wait for the rest of the run first. Registered with the JUnit Platform through
 * {@code META-INF/services}. The classes run side by side, so the wait is a managed block: the pool puts another
 * worker in its place.
 */
public final class FinishedClasses implements TestExecutionListener {

    private static final Set<String> UNFINISHED = ConcurrentHashMap.newKeySet();
    private static final Object CHANGED = new Object();
    private static volatile boolean planned;

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        plan.getRoots().forEach(root -> plan.getDescendants(root).stream()
                .filter(id -> id.getSource().orElse(null) instanceof ClassSource)
                .forEach(id -> UNFINISHED.add(className(id))));
        planned = true;
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        finished(id);
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        finished(id);
    }

    private static void finished(TestIdentifier id) {
        if (id.getSource().orElse(null) instanceof ClassSource) {
            UNFINISHED.remove(className(id));
            synchronized (CHANGED) {
                CHANGED.notifyAll();
            }
        }
    }

    private static String className(TestIdentifier id) {
        return ((ClassSource) id.getSource().orElseThrow()).getClassName();
    }

    /** Returns once every test class of the run but {@code self} has finished; throws after {@code patience}. */
    public static void awaitAllBut(Class<?> self, Duration patience) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + patience.toNanos();
        ForkJoinPool.managedBlock(new ForkJoinPool.ManagedBlocker() {
            @Override
            public boolean block() throws InterruptedException {
                synchronized (CHANGED) {
                    long left = deadline - System.nanoTime();
                    if (!isReleasable() && left > 0) {
                        CHANGED.wait(Math.max(1, left / 1_000_000));
                    }
                }
                return isReleasable() || System.nanoTime() >= deadline;
            }

            @Override
            public boolean isReleasable() {
                return planned && UNFINISHED.stream().allMatch(name -> name.equals(self.getName()));
            }
        });
        if (!planned || !UNFINISHED.stream().allMatch(name -> name.equals(self.getName()))) {
            throw new TimeoutException("still running after " + patience + ": " + UNFINISHED);
        }
    }
}
