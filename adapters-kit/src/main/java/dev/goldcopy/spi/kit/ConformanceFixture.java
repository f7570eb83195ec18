package dev.goldcopy.spi.kit;

import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.StoreRef;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * What the conformance kit needs from a vendor: the adapter under test, two stores of two tenants,
 * a way to make an origin master, and a way to wait for an operation. The optional hooks (with
 * defaults) let the kit check more: copy failures, restarts, hidden backend objects, a shared test
 * array.
 *
 * <p>The kit asks for a new fixture before every check and closes it after. Every name the kit
 * uses starts with {@link #namePrefix()} followed by a random token of this run, and the kit
 * deletes only what it made (what it was handed, and names carrying this run's token), so it can
 * run against an array that holds other containers. On a dedicated array (the default) it also
 * checks that both stores hold exactly what they held before, and runs the checks that fill an
 * array-wide total or half the free capacity; on a {@linkplain #sharedArray() shared} array it
 * skips those.
 */
public interface ConformanceFixture extends AutoCloseable {

  /**
   * Returns the adapter under test.
   *
   * @return the adapter
   */
  ArrayAdapter adapter();

  /**
   * Returns a store that the calling tenant owns; most tests work in it.
   *
   * @return the tenant and store
   */
  StoreRef store();

  /**
   * Returns a store owned by another tenant than {@link #store()}'s, for the access-denied tests.
   *
   * @return the other tenant and its store
   */
  StoreRef otherTenantStore();

  /**
   * Makes a ready origin master through the vendor's own administrative path (not the SPI), as a
   * user would make a golden volume.
   *
   * @param store {@link #store()} or {@link #otherTenantStore()}
   * @param name the container's name, unique in the store
   * @param content the content identity it holds
   * @param group its replica group
   * @param sizeBytes its logical size
   * @return the origin, in state {@link dev.goldcopy.spi.ContainerState#READY}
   */
  Container createOrigin(
      StoreRef store, String name, ContentId content, GroupId group, long sizeBytes);

  /**
   * Waits for a stage the adapter returned and gives its result. The default waits up to {@link
   * #timeout()} on the calling thread; an adapter that runs on its own event loop (a simulator)
   * overrides this to drive the loop.
   *
   * @param stage a stage returned by the adapter
   * @param <T> the result type
   * @return the stage's value
   * @throws RuntimeException the stage's failure, unwrapped (an {@link
   *     dev.goldcopy.spi.ArrayException} for array errors)
   * @throws IllegalStateException if the stage does not complete within {@link #timeout()}
   */
  default <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(timeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException | CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("the stage failed with a checked exception", cause);
    } catch (CancellationException e) {
      throw new IllegalStateException("the stage was cancelled", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the stage did not complete within " + timeout(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the stage", e);
    }
  }

  /**
   * Returns how long {@link #await(CompletionStage)} waits by default.
   *
   * @return two minutes unless overridden
   */
  default Duration timeout() {
    return Duration.ofMinutes(2);
  }

  /**
   * Returns whether the array is shared with others while the kit runs (other stores, tenants or
   * test runs). The kit then counts only what it made, and skips the checks that fill an array-wide
   * total or half the free capacity.
   *
   * @return false unless overridden: the array is the kit's alone
   */
  default boolean sharedArray() {
    return false;
  }

  /**
   * Returns the start of every name the kit gives a container; a random token of this run follows
   * it. It must be allowed by the array's name rules.
   *
   * @return {@code "gckit"} unless overridden
   */
  default String namePrefix() {
    return "gckit";
  }

  /**
   * Arranges for physical copies started from now on to fail ({@code true}) or to succeed again
   * ({@code false}), for the check that a failed copy is listed {@code FAILED} and reported with
   * {@link dev.goldcopy.spi.CopyFailedException}. A simulator turns its fault plan on; a real array
   * may fill a test volume or detach a path.
   *
   * @param fail whether copies should fail from now on
   * @return false if the fixture cannot make copies fail (the check is then skipped)
   */
  default boolean failPhysicalCopies(boolean fail) {
    return false;
  }

  /**
   * Returns a new adapter instance over the same backend, as after a restart of the process, for
   * the check that containers and their labels are kept by the array and not by the adapter object.
   *
   * @return the restarted adapter, or {@code null} if the fixture cannot restart (the check is then
   *     skipped)
   */
  default @Nullable ArrayAdapter restartedAdapter() {
    return null;
  }

  /**
   * Counts the objects the backend holds for {@link #store()}, hidden ones included (snapshots a
   * virtual copy was cloned from, trash entries, temporary files), read from the backend directly
   * and not through the adapter; the kit checks that a check leaves this count as it found it.
   *
   * @return the count, or {@code -1} if the fixture cannot count (the check is then skipped)
   */
  default long rawObjectCount() {
    return -1;
  }

  /** Releases what the fixture holds; the kit calls it after each test. Does nothing by default. */
  @Override
  default void close() {}
}
