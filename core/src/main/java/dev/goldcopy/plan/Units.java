package dev.goldcopy.plan;

import java.util.Locale;

/**
 * How plans write sizes: binary units with one decimal ({@code 40.0 GiB}, {@code 256.0 MiB}),
 * {@code B} below 1 KiB, {@code unlimited} for a capacity no array reports; never a raw byte count
 * beside a unit. The same in every locale.
 */
final class Units {
  private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

  private Units() {}

  /** {@code bytes} in the largest binary unit it reaches. */
  static String bytes(long bytes) {
    if (bytes == Long.MAX_VALUE) {
      return "unlimited";
    }
    if (bytes < 1024) {
      return bytes + " B";
    }
    int unit = -1;
    double value = bytes;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%,.1f %s", value, UNITS[unit]);
  }
}
