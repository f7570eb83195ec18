package dev.goldcopy.execute;

import dev.goldcopy.plan.VmId;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The outcomes of a run by VM, in the demand's order: the demand's own sorted list of VMs and an
 * array of outcomes beside it, rather than an entry object per VM. Immutable; equal to, and hashed
 * and printed as, any map of the same entries.
 */
final class VmOutcomeMap extends AbstractMap<VmId, VmOutcome> {
  private final List<VmId> vms;
  private final Comparator<? super VmId> order;
  private final VmOutcome[] outcomes;

  /**
   * Takes {@code outcomes}, one per VM of {@code vms} (sorted by {@code order}, no repeats), in the
   * same order.
   */
  VmOutcomeMap(List<VmId> vms, Comparator<? super VmId> order, VmOutcome[] outcomes) {
    if (vms.size() != outcomes.length) {
      throw new IllegalArgumentException(vms.size() + " VMs but " + outcomes.length + " outcomes");
    }
    for (VmOutcome o : outcomes) {
      if (o == null) {
        throw new NullPointerException("outcome");
      }
    }
    this.vms = vms;
    this.order = order;
    this.outcomes = outcomes;
  }

  @Override
  public int size() {
    return outcomes.length;
  }

  @Override
  public boolean containsKey(@Nullable Object key) {
    return get(key) != null;
  }

  @Override
  public @Nullable VmOutcome get(@Nullable Object key) {
    if (!(key instanceof VmId vm)) {
      return null;
    }
    int i = Collections.binarySearch(vms, vm, order);
    return i >= 0 && vms.get(i).equals(vm) ? outcomes[i] : null;
  }

  @Override
  public Set<Entry<VmId, VmOutcome>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<VmId, VmOutcome>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < outcomes.length;
          }

          @Override
          public Entry<VmId, VmOutcome> next() {
            if (next >= outcomes.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(vms.get(i), outcomes[i]);
          }
        };
      }

      @Override
      public int size() {
        return outcomes.length;
      }
    };
  }
}
