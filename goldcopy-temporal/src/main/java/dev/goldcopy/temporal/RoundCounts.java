package dev.goldcopy.temporal;

import dev.goldcopy.temporal.wire.StepDto;

/** A round's steps planned and done, by kind, for the progress query. Workflow state. */
final class RoundCounts {
  int replicasPlanned;
  int replicasDone;
  int clonesPlanned;
  int clonesDone;
  int deletionsPlanned;
  int deletionsDone;

  void planned(StepDto.Kind kind) {
    switch (kind) {
      case REPLICA -> replicasPlanned++;
      case CLONE -> clonesPlanned++;
      case DELETE -> deletionsPlanned++;
    }
  }

  void done(StepDto.Kind kind) {
    switch (kind) {
      case REPLICA -> replicasDone++;
      case CLONE -> clonesDone++;
      case DELETE -> deletionsDone++;
    }
  }
}
