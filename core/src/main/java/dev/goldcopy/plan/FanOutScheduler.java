package dev.goldcopy.plan;

import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Schedules a store's physical copies as a fan-out tree: in each round every master (existing, or
 * made in an earlier round) is the source of at most as many copies as one source feeds at full
 * rate (one unless the array says more), and at most the array's physical copy concurrency runs.
 * Groups share the rounds' copy slots round-robin, in the order given; within a group, every
 * source gives one copy before any gives a second.
 */
final class FanOutScheduler {

  /**
   * A replica to make, with the id of the step that makes it and the deletions it waits for (a
   * failed copy's remake, capacity to be freed).
   */
  record NewReplica(String name, String stepId, List<String> extraDeps, String reason) {}

  /** One group's copies: its sources now and the replicas to make. */
  static final class GroupCopies {
    final GroupId group;
    final ContentId content;
    final long sizeBytes;
    /** The masters that can be copied from, in the order they serve. */
    final List<String> sources;
    /** For each source, the step that makes it, or null for a master that exists already. */
    final List<@Nullable String> sourceSteps;
    final List<NewReplica> pending;
    final String waitNote;
    int next;
    int sourceCursor;

    GroupCopies(
        GroupId group,
        ContentId content,
        long sizeBytes,
        List<String> sources,
        List<NewReplica> pending,
        String waitNote) {
      this.group = group;
      this.content = content;
      this.sizeBytes = sizeBytes;
      this.sources = new ArrayList<>(sources.size() + pending.size());
      this.sources.addAll(sources);
      this.sourceSteps = new ArrayList<>(sources.size() + pending.size());
      for (int i = 0; i < sources.size(); i++) {
        this.sourceSteps.add(null);
      }
      this.pending = pending;
      this.waitNote = waitNote;
    }
  }

  private FanOutScheduler() {}

  /**
   * Schedules every group's pending replicas, each source feeding one copy per round.
   *
   * @param groups the groups, in the order they share copy slots
   * @param concurrency the most copies per round; 0 for no limit
   * @return the replica steps, round by round
   */
  static List<CreateReplica> schedule(List<GroupCopies> groups, int concurrency) {
    return schedule(groups, concurrency, 1);
  }

  /**
   * Schedules every group's pending replicas.
   *
   * @param groups the groups, in the order they share copy slots
   * @param concurrency the most copies per round; 0 for no limit
   * @param feeds the most copies one source feeds per round; positive
   * @return the replica steps, round by round
   */
  static List<CreateReplica> schedule(List<GroupCopies> groups, int concurrency, int feeds) {
    int total = 0;
    for (GroupCopies g : groups) {
      total += g.pending.size();
    }
    List<CreateReplica> steps = new ArrayList<>(total);
    int round = 0;
    while (total > 0) {
      round++;
      List<List<NewReplica>> madeThisRound = copyRound(groups, concurrency, feeds, round, steps);
      int made = 0;
      for (int gi = 0; gi < groups.size(); gi++) {
        GroupCopies g = groups.get(gi);
        for (NewReplica r : madeThisRound.get(gi)) {
          g.sources.add(r.name());
          g.sourceSteps.add(r.stepId());
        }
        made += madeThisRound.get(gi).size();
      }
      if (made == 0) {
        throw new IllegalStateException("a group has replicas to make but no source");
      }
      total -= made;
    }
    return steps;
  }

  /**
   * Schedules one round: the groups take the round's copy slots in turn, one source each (all
   * their free sources when nothing limits concurrency), until the slots, the sources or the
   * replicas run out.
   *
   * @return each group's replicas made in this round, in the groups' order
   */
  private static List<List<NewReplica>> copyRound(
      List<GroupCopies> groups, int concurrency, int feeds, int round, List<CreateReplica> steps) {
    long budget = concurrency == 0 ? Long.MAX_VALUE : concurrency;
    List<List<NewReplica>> madeThisRound = new ArrayList<>(groups.size());
    for (GroupCopies g : groups) {
      g.sourceCursor = 0;
      madeThisRound.add(new ArrayList<>());
    }
    boolean progress = true;
    while (budget > 0 && progress) {
      progress = false;
      for (int gi = 0; gi < groups.size() && budget > 0; gi++) {
        GroupCopies g = groups.get(gi);
        long reads = (long) g.sources.size() * feeds;
        if (g.next >= g.pending.size() || g.sourceCursor >= reads) {
          continue;
        }
        // Give a group all its free sources at once when nothing limits concurrency.
        int take =
            concurrency == 0
                ? (int) Math.min(g.pending.size() - g.next, reads - g.sourceCursor)
                : 1;
        for (int t = 0; t < take; t++) {
          NewReplica r = g.pending.get(g.next++);
          steps.add(copy(g, r, round));
          madeThisRound.get(gi).add(r);
          budget--;
        }
        progress = true;
      }
    }
    return madeThisRound;
  }

  /** The step copying {@code r} from {@code g}'s next source in round {@code round}. */
  private static CreateReplica copy(GroupCopies g, NewReplica r, int round) {
    // The cursor passes over the sources once per copy each feeds in a round.
    int at = g.sourceCursor++ % g.sources.size();
    String source = g.sources.get(at);
    String sourceStep = g.sourceSteps.get(at);
    List<String> deps;
    if (sourceStep == null) {
      deps = r.extraDeps();
    } else if (r.extraDeps().isEmpty()) {
      deps = List.of(sourceStep);
    } else {
      deps = new ArrayList<>(1 + r.extraDeps().size());
      deps.add(sourceStep);
      deps.addAll(r.extraDeps());
    }
    String how = g.waitNote;
    return new CreateReplica(
        r.stepId(),
        r.name(),
        source,
        g.group,
        g.content,
        g.sizeBytes,
        round,
        deps,
        how.isEmpty() ? r.reason() : r.reason() + how);
  }
}
