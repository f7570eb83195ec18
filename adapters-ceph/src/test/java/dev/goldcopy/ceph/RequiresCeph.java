package dev.goldcopy.ceph;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class that needs the real Ceph cluster: without one it is skipped, with one line
 * saying how to enable it, unless {@code -Dgoldcopy.requireBackends=true} (as CI sets), which
 * makes the missing cluster a failure.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresCeph.Condition.class)
@interface RequiresCeph {

  /** Enables the class only when a cluster is configured. */
  final class Condition implements ExecutionCondition {
    private static final AtomicBoolean SAID = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (CephCluster.dir().isPresent()) {
        return ConditionEvaluationResult.enabled("a Ceph cluster is configured");
      }
      if (Boolean.getBoolean("goldcopy.requireBackends")) {
        throw new IllegalStateException(
            "Ceph tests required (-Dgoldcopy.requireBackends=true) but "
                + CephCluster.DIR_VARIABLE + " is not set: run scripts/ceph-cluster up DIR and"
                + " set it to DIR");
      }
      if (SAID.compareAndSet(false, true)) {
        System.out.println(CephCluster.SKIPPED);
      }
      return ConditionEvaluationResult.disabled(CephCluster.SKIPPED);
    }
  }
}
