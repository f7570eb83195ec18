package dev.goldcopy.sim;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.LongSupplier;

/** A {@link Clock} that reads a simulation's virtual time. */
final class VirtualClock extends Clock {
  private final Instant start;
  private final LongSupplier nanosSinceStart;
  private final ZoneId zone;

  VirtualClock(Instant start, LongSupplier nanosSinceStart, ZoneId zone) {
    this.start = requireNonNull(start, "start");
    this.nanosSinceStart = requireNonNull(nanosSinceStart, "nanosSinceStart");
    this.zone = requireNonNull(zone, "zone");
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new VirtualClock(start, nanosSinceStart, newZone);
  }

  @Override
  public Instant instant() {
    return start.plusNanos(nanosSinceStart.getAsLong());
  }

  @Override
  public String toString() {
    return "VirtualClock[" + instant() + "," + zone + "]";
  }
}
