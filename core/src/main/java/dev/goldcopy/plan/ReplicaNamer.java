package dev.goldcopy.plan;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.NameRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Names a group's new replicas: first the names of its failed copies being deleted (lowest ordinal
 * first; the remake waits for the deletion), then, through the policy's {@link NamingStrategy},
 * the smallest ordinals whose name no container of the store, planned replica or demanded VM uses
 * (masters' names compared by the strategy's collision key). Ordinals whose name in the default
 * form ({@code <groupId>-rNNN}) a master already holds are skipped without asking the strategy, so
 * a group of many replicas is named in time proportional to its new ones.
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
  private final NamingStrategy naming;
  private final NameRules rules;
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
  ReplicaNamer(InventoryIndex index, GroupId group, NameRules rules, List<Container> failed,
      Map<String, String> failedMasterDelete) {
    this.index = index;
    this.group = group;
    this.naming = index.policy().naming();
    this.rules = rules;
    this.failed = new ArrayList<>(failed);
    this.failed.sort(Comparator.comparingLong((Container c) -> ordinal(group, c.name()))
        .thenComparing(Container::name));
    this.failedMasterDelete = failedMasterDelete;
  }

  /**
   * Names the next new replica.
   *
   * @throws IllegalArgumentException if the naming strategy makes no name the array allows, saying
   *     why
   */
  Name next() {
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
      String candidate = naming.replicaName(group, ordinal, rules);
      if (naming != NamingStrategy.safe() && !rules.allows(candidate)) {
        throw new IllegalArgumentException(naming + " named replica " + ordinal + " of group "
            + group + " '" + candidate + "', which the array does not allow: "
            + rules.violation(candidate).orElse("not allowed"));
      }
      if (!index.nameTaken(candidate)) {
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

  /** The replica name of {@code ordinal} in {@code group} in the default form. */
  static String replicaName(GroupId group, int ordinal) {
    return defaultForm(group.value(), ordinal);
  }

  /** {@code base}, {@code -r} and {@code ordinal} in at least three digits: {@code win11-r007}. */
  static String defaultForm(String base, int ordinal) {
    String pad = ordinal < 10 ? "-r00" : ordinal < 100 ? "-r0" : "-r";
    return base + pad + ordinal;
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
