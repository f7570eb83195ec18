package dev.goldcopy.plan;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.GroupId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Names a group's new replicas {@code <groupId>-rNNN}: first the names of its failed copies being
 * deleted (lowest ordinal first; the remake waits for the deletion), then the smallest ordinals no
 * master, planned replica, clone or demanded VM uses. Refuses a name longer than the array takes.
 */
final class ReplicaNamer {
  /**
   * A new replica's name.
   *
   * @param name the name
   * @param waitsFor the deletion the replica waits for: its failed namesake's, or none
   */
  record Name(String name, List<String> waitsFor) {}

  private final InventoryIndex index;
  private final GroupId group;
  private final List<Container> failed;
  private final Map<String, String> failedMasterDelete;
  private int failedIndex;
  private int nextOrdinal = 1;
  /** The ordinals in use, sorted; read when the first ordinal is needed. */
  private int @Nullable [] taken;
  private int takenAt;

  /**
   * A namer for {@code group}.
   *
   * @param failed the group's failed masters
   * @param failedMasterDelete the deletion step of each failed master being deleted, by name
   */
  ReplicaNamer(InventoryIndex index, GroupId group, List<Container> failed,
      Map<String, String> failedMasterDelete) {
    this.index = index;
    this.group = group;
    this.failed = new ArrayList<>(failed);
    this.failed.sort(Comparator.comparingLong((Container c) -> ordinal(group, c.name()))
        .thenComparing(Container::name));
    this.failedMasterDelete = failedMasterDelete;
  }

  /**
   * Names the next new replica.
   *
   * @throws IllegalArgumentException if the name is longer than {@code maxNameLength}
   */
  Name next(int maxNameLength) {
    String name = null;
    List<String> waitsFor = List.of();
    while (failedIndex < failed.size() && name == null) {
      Container f = failed.get(failedIndex++);
      String del = failedMasterDelete.get(f.name());
      if (del != null) {
        name = f.name();
        waitsFor = List.of(del);
      }
    }
    if (name == null) {
      name = nextFreeName();
    }
    if (name.length() > maxNameLength) {
      throw new IllegalArgumentException(
          "inventory.containers: group " + group + " gives replica name " + name
              + ", longer than capabilities.maxNameLength (" + maxNameLength + ")");
    }
    return new Name(name, waitsFor);
  }

  private String nextFreeName() {
    int[] used = taken;
    if (used == null) {
      used = takenOrdinals(group, index.replicaShapedNames());
      taken = used;
    }
    while (true) {
      int ordinal = nextOrdinal++;
      while (takenAt < used.length && used[takenAt] < ordinal) {
        takenAt++;
      }
      if (takenAt < used.length && used[takenAt] == ordinal) {
        continue;
      }
      String candidate = replicaName(group, ordinal);
      if (!index.clones().contains(candidate) && !index.demandHas(candidate)) {
        return candidate;
      }
    }
  }

  /**
   * The ordinals {@code group}'s replica names already use, sorted: every name exactly as {@link
   * #replicaName} writes it for some ordinal, among {@code names}.
   */
  static int[] takenOrdinals(GroupId group, List<String> names) {
    String prefix = group.value() + "-r";
    int[] found = new int[names.size()];
    int count = 0;
    for (String name : names) {
      int digits = name.length() - prefix.length();
      // replicaName pads to three digits and writes no other leading zero.
      if (digits < 3 || digits > 9 || !name.startsWith(prefix)
          || (digits > 3 && name.charAt(prefix.length()) == '0')) {
        continue;
      }
      int value = 0;
      for (int i = prefix.length(); i < name.length() && value >= 0; i++) {
        char c = name.charAt(i);
        value = c >= '0' && c <= '9' ? value * 10 + (c - '0') : -1;
      }
      if (value > 0) {
        found[count++] = value;
      }
    }
    int[] sorted = Arrays.copyOf(found, count);
    Arrays.sort(sorted);
    return sorted;
  }

  /** Whether a name ends in {@code -r} and digits, the shape of a replica's name. */
  static boolean mayBeReplicaName(String name) {
    int i = name.length() - 1;
    while (i >= 0 && name.charAt(i) >= '0' && name.charAt(i) <= '9') {
      i--;
    }
    return i < name.length() - 1 && i >= 1 && name.charAt(i) == 'r' && name.charAt(i - 1) == '-';
  }

  /** The replica name of {@code ordinal} in {@code group}: at least three digits. */
  static String replicaName(GroupId group, int ordinal) {
    String pad = ordinal < 10 ? "-r00" : ordinal < 100 ? "-r0" : "-r";
    return group.value() + pad + ordinal;
  }

  /** The ordinal {@code name} has in {@code group}, leading zeros allowed; -1 if it has none. */
  static long ordinal(GroupId group, String name) {
    String prefix = group.value() + "-r";
    if (!name.startsWith(prefix) || name.length() == prefix.length()
        || name.length() - prefix.length() > 9) {
      return -1;
    }
    long value = 0;
    for (int i = prefix.length(); i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
