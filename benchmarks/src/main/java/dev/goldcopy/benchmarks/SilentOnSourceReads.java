package dev.goldcopy.benchmarks;

import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.ForwardingArrayAdapter;
import dev.goldcopy.spi.StoreRef;
import java.util.concurrent.CompletionStage;

/**
 * An adapter that passes every call to another but does not say how many copies one source feeds
 * at full rate ({@link ArrayCapabilities#fullRateCopiesPerSource()} is unlimited): the array as an
 * adapter that knows no such figure presents it, for comparing what the figure is worth.
 */
final class SilentOnSourceReads extends ForwardingArrayAdapter {
  SilentOnSourceReads(ArrayAdapter array) {
    super(array);
  }

  @Override
  public CompletionStage<ArrayCapabilities> capabilities(StoreRef store) {
    return super.capabilities(store)
        .thenApply(
            c -> c.toBuilder().fullRateCopiesPerSource(ArrayCapabilities.UNLIMITED).build());
  }
}
