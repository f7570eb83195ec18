package dev.goldcopy.roll;

import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContentId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Which versions of the image keep their masters for a rollback (the target, the version rolled
 * from, then the others from the highest version down, {@link RollBounds#keepVersions()} in all),
 * and which Goldcopy replicas of the others are released: ready, not an origin, the owner's or
 * adopted, and holding no clone.
 *
 * @param kept the versions kept
 * @param released the names of the replicas released
 */
record ReleasedVersions(List<ContentId> kept, List<String> released) {

  static ReleasedVersions of(RollRequest request, StoreReading store, PlanningPolicy policy) {
    List<ContentId> versions = new ArrayList<>();
    versions.add(request.to());
    versions.add(request.from());
    TreeSet<ContentId> others =
        new TreeSet<>(Comparator.comparing(ContentId::version).reversed());
    for (ContentId c : store.mastersOf.keySet()) {
      if (c.imageId().equals(request.to().imageId()) && !versions.contains(c)) {
        others.add(c);
      }
    }
    versions.addAll(others);
    int keep = Math.min(request.bounds().keepVersions(), versions.size());
    List<ContentId> kept = List.copyOf(versions.subList(0, keep));
    List<String> released = new ArrayList<>();
    for (ContentId c : versions.subList(keep, versions.size())) {
      for (Container m : store.masters(c)) {
        if (StoreReading.retirable(m, policy) && store.clonesOn.getOrDefault(m.id(), 0) == 0) {
          released.add(m.name());
        }
      }
    }
    released.sort(Comparator.naturalOrder());
    return new ReleasedVersions(kept, released);
  }
}
