package dev.goldcopy.temporal.wire;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.CopyCosts;
import dev.goldcopy.spi.NameRules;

/**
 * An array's capabilities on the wire; the fields are {@link ArrayCapabilities}'s, with the name
 * rules and copy costs flattened.
 *
 * @param maxVirtualCopiesPerSource see {@link ArrayCapabilities}
 * @param maxVirtualCopiesTotal see {@link ArrayCapabilities}
 * @param maxContainersTotal see {@link ArrayCapabilities}
 * @param maxLocalReplicationDepth see {@link ArrayCapabilities}
 * @param maxConcurrentPhysicalCopies see {@link ArrayCapabilities}
 * @param maxConcurrentVirtualCopies see {@link ArrayCapabilities}
 * @param virtualCopiesSupported see {@link ArrayCapabilities}
 * @param usedVirtualCopiesTotal see {@link ArrayCapabilities}
 * @param usedContainersTotal see {@link ArrayCapabilities}
 * @param totalCapacityBytes see {@link ArrayCapabilities}
 * @param freeCapacityBytes see {@link ArrayCapabilities}
 * @param copyBandwidthBytesPerSecond see {@link ArrayCapabilities}
 * @param fullRateCopiesPerSource see {@link ArrayCapabilities}
 * @param nameMaxLengthBytes {@link NameRules#maxLengthBytes()}
 * @param nameAllowed {@link NameRules#allowed()}
 * @param nameCaseSensitive {@link NameRules#caseSensitive()}
 * @param physicalCopyPercent {@link CopyCosts#physicalCopyPercent()}
 * @param virtualCopyBytes {@link CopyCosts#virtualCopyBytes()}
 */
public record CapabilitiesDto(
    int maxVirtualCopiesPerSource,
    int maxVirtualCopiesTotal,
    int maxContainersTotal,
    int maxLocalReplicationDepth,
    int maxConcurrentPhysicalCopies,
    int maxConcurrentVirtualCopies,
    boolean virtualCopiesSupported,
    int usedVirtualCopiesTotal,
    int usedContainersTotal,
    long totalCapacityBytes,
    long freeCapacityBytes,
    long copyBandwidthBytesPerSecond,
    int fullRateCopiesPerSource,
    int nameMaxLengthBytes,
    String nameAllowed,
    boolean nameCaseSensitive,
    int physicalCopyPercent,
    long virtualCopyBytes) {

  /**
   * Checks the field that may not be null.
   *
   * @throws NullPointerException if {@code nameAllowed} is null
   */
  public CapabilitiesDto {
    requireNonNull(nameAllowed, "nameAllowed");
  }

  /**
   * Writes capabilities.
   *
   * @param c the capabilities
   * @return their wire form
   */
  public static CapabilitiesDto of(ArrayCapabilities c) {
    return new CapabilitiesDto(
        c.maxVirtualCopiesPerSource(),
        c.maxVirtualCopiesTotal(),
        c.maxContainersTotal(),
        c.maxLocalReplicationDepth(),
        c.maxConcurrentPhysicalCopies(),
        c.maxConcurrentVirtualCopies(),
        c.virtualCopiesSupported(),
        c.usedVirtualCopiesTotal(),
        c.usedContainersTotal(),
        c.totalCapacityBytes(),
        c.freeCapacityBytes(),
        c.copyBandwidthBytesPerSecond(),
        c.fullRateCopiesPerSource(),
        c.nameRules().maxLengthBytes(),
        c.nameRules().allowed(),
        c.nameRules().caseSensitive(),
        c.copyCosts().physicalCopyPercent(),
        c.copyCosts().virtualCopyBytes());
  }

  /**
   * Reads the capabilities back.
   *
   * @return the capabilities
   */
  public ArrayCapabilities toCapabilities() {
    return new ArrayCapabilities(
        maxVirtualCopiesPerSource,
        maxVirtualCopiesTotal,
        maxContainersTotal,
        maxLocalReplicationDepth,
        maxConcurrentPhysicalCopies,
        maxConcurrentVirtualCopies,
        virtualCopiesSupported,
        usedVirtualCopiesTotal,
        usedContainersTotal,
        totalCapacityBytes,
        freeCapacityBytes,
        copyBandwidthBytesPerSecond,
        fullRateCopiesPerSource,
        new NameRules(nameMaxLengthBytes, nameAllowed, nameCaseSensitive),
        new CopyCosts(physicalCopyPercent, virtualCopyBytes));
  }
}
