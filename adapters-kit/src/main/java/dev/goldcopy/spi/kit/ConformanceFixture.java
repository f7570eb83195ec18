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

/**
 * What the conformance kit needs from a vendor: the adapter under test, two stores of two tenants,
 * a way to make an origin master, and a way to wait for an operation.
 *
 * <p>The kit asks for a new fixture before every test and closes it after. When a test starts, the
 * two stores must hold nothing the test could trip over: the kit counts what is already in them and
 * removes only what it made, but it assumes that no other store of the array holds virtual copies
 * that count toward an array-wide total.
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
   * @return ten minutes unless overridden
   */
  default Duration timeout() {
    return Duration.ofMinutes(10);
  }

  /** Releases what the fixture holds; the kit calls it after each test. Does nothing by default. */
  @Override
  default void close() {}
}
