package dev.goldcopy.ceph;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreRef;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds the SPI's {@link Container} for one of the adapter's images. */
final class Containers {

  private Containers() {}

  /**
   * The container for an image.
   *
   * @param store the store of the image's namespace
   * @param ns the namespace
   * @param image the image
   * @param record the adapter's record of it
   * @param labels its labels as stored
   * @param state its state
   * @param source its source, if another than the record says (a clone's parent as listed)
   * @return the container, or null if the stored record does not make a valid container
   */
  static @Nullable Container of(
      StoreRef store,
      String ns,
      RbdImage image,
      ImageRecord record,
      Map<String, String> labels,
      ContainerState state,
      @Nullable ContainerId source) {
    ContainerId from = source;
    if (from == null && record.source() != null) {
      from = ContainerId.of(record.source());
    }
    try {
      return new Container(
          ContainerIds.of(ns, image.name(), image.id()),
          image.name(),
          record.kind(),
          record.content(),
          record.kind() == ContainerKind.PHYSICAL_MASTER ? record.group() : null,
          from,
          store,
          image.sizeBytes(),
          state,
          labels(labels));
    } catch (IllegalArgumentException e) {
      return null; // a record edited by hand into something that is not a container
    }
  }

  /**
   * The state of a master: copying while a copy of this adapter runs for it, or while it is still
   * a clone (a copy interrupted, to be resumed when asked for again) unless its marker says the
   * copy failed; ready once flattened.
   */
  static ContainerState masterState(RbdImage image, @Nullable String copyMarker, boolean running) {
    if (running) {
      return ContainerState.COPYING;
    }
    if (image.parent() == null) {
      return ContainerState.READY;
    }
    return copyMarker != null && copyMarker.startsWith(ImageRecord.FAILED_PREFIX)
        ? ContainerState.FAILED
        : ContainerState.COPYING;
  }

  private static Labels labels(Map<String, String> stored) {
    try {
      return Labels.of(stored);
    } catch (IllegalArgumentException e) {
      return Labels.empty(); // labels edited by hand beyond the SPI's rules
    }
  }
}
