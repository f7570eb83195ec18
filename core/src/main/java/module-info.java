/**
 * Goldcopy's core: the pure {@link dev.goldcopy.plan.ContainerReplicationPlanner} and the {@link
 * dev.goldcopy.execute.ReplicationExecutor} that carries a plan out against an {@link
 * dev.goldcopy.spi.ArrayAdapter}.
 */
module dev.goldcopy.core {
  requires transitive dev.goldcopy.spi;
  requires transitive com.google.common;
  requires static org.jspecify;
  requires static transitive com.google.errorprone.annotations;

  exports dev.goldcopy.plan;
  exports dev.goldcopy.execute;
  exports dev.goldcopy.roll;
  exports dev.goldcopy.fleet;
}
