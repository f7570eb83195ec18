package dev.goldcopy.plan;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A plan would delete more of the owner's clones than the {@link DeletionGuard} lets one run
 * delete, and the caller did not approve it for this run ({@link DeletionApproval}). Nothing was
 * planned and nothing touched the array.
 */
public final class DeletionRefusedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;
  private static final int NAMES_SHOWN = 20;

  private final ImmutableList<String> names;
  private final int owned;

  DeletionRefusedException(String reason, List<String> names, int owned) {
    super(message(reason, names));
    this.names = ImmutableList.copyOf(names);
    this.owned = owned;
  }

  private static String message(String reason, List<String> names) {
    StringBuilder b = new StringBuilder("deletion guard: the plan is refused because ").append(reason)
        .append("; approve it for this run with DeletionApproval.upTo(").append(names.size())
        .append(") or DeletionApproval.all(). Clones it would delete: ");
    for (int i = 0; i < Math.min(NAMES_SHOWN, names.size()); i++) {
      b.append(i == 0 ? "" : ", ").append(names.get(i));
    }
    if (names.size() > NAMES_SHOWN) {
      b.append(" and ").append(names.size() - NAMES_SHOWN).append(" more");
    }
    return b.toString();
  }

  /**
   * Returns the names of the clones the plan would delete.
   *
   * @return the names, sorted
   */
  public ImmutableList<String> names() {
    return names;
  }

  /**
   * Returns how many clones the owner holds in the store.
   *
   * @return the owner's clones
   */
  public int owned() {
    return owned;
  }
}
