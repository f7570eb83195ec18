package dev.goldcopy.plan;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContentId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chooses the replica group that serves each image version: the group holding the origin, else
 * the lowest group id; a {@link Finding.Kind#SEVERAL_GROUPS} finding when more than one group
 * holds the version. Marks the chosen group's masters as chosen in the index.
 */
final class GroupChoice {
  /** The order image versions are planned in: by image id, then version. */
  static final Comparator<ContentId> CONTENT_ORDER =
      Comparator.comparing(ContentId::imageId).thenComparing(ContentId::version);

  private GroupChoice() {}

  /**
   * Chooses a group for every image version a live master holds.
   *
   * @return each image version's group id, in {@link #CONTENT_ORDER}
   * @throws IllegalArgumentException if a group holds two image versions
   */
  static Map<ContentId, String> choose(InventoryIndex index, List<Finding> findings) {
    Map<ContentId, List<String>> groupsOf = new TreeMap<>(CONTENT_ORDER);
    groups:
    for (Map.Entry<String, List<Container>> e : index.liveByGroup().entrySet()) {
      ContentId content = e.getValue().get(0).content();
      for (Container m : e.getValue()) {
        if (!m.content().equals(content)) {
          // One damaged group must not stop the store's other images: it serves no VM.
          findings.add(
              new Finding(
                  Finding.Kind.MALFORMED_GROUP,
                  e.getKey(),
                  "group " + e.getKey() + " holds both " + content + " and " + m.content()
                      + " (master " + m.name() + "); it is left as it is and serves no VM"));
          continue groups;
        }
      }
      groupsOf.computeIfAbsent(content, c -> new ArrayList<>()).add(e.getKey());
    }
    Map<ContentId, String> chosenGroup = new TreeMap<>(CONTENT_ORDER);
    for (Map.Entry<ContentId, List<String>> e : groupsOf.entrySet()) {
      List<String> groups = e.getValue();
      String chosen = groups.get(0);
      String why = "it has the lowest group id";
      for (String g : groups) {
        if (holdsOrigin(index.live(g))) {
          chosen = g;
          why = "it holds the origin";
          break;
        }
      }
      chosenGroup.put(e.getKey(), chosen);
      for (Container m : index.live(chosen)) {
        index.masters().markChosen(m.id());
      }
      if (groups.size() > 1) {
        findings.add(
            new Finding(
                Finding.Kind.SEVERAL_GROUPS,
                chosen,
                "groups " + groups + " all hold " + e.getKey() + "; planned with " + chosen
                    + " because " + why + ". The others are left as they are."));
      }
    }
    return chosenGroup;
  }

  private static boolean holdsOrigin(List<Container> masters) {
    for (Container m : masters) {
      if (m.isOrigin()) {
        return true;
      }
    }
    return false;
  }
}
