package dev.goldcopy.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Notes the most heap in use right after a garbage collection while it listens: after a
 * collection the heap holds the live objects plus what the collector did not get to (a young
 * collection leaves the old generation's garbage), so the peak is an upper estimate of the most
 * that was live.
 */
final class HeapPeak implements NotificationListener {
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private volatile long peak;

  private HeapPeak() {}

  /**
   * Starts listening to every collector.
   *
   * @return the listener; {@link #stop()} ends it
   */
  static HeapPeak start() {
    HeapPeak listener = new HeapPeak();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
        listener.emitters.add(emitter);
      }
    }
    return listener;
  }

  /**
   * Stops listening.
   *
   * @return the most heap in use right after a collection, in bytes; 0 if none ran
   */
  long stop() {
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(this);
      } catch (ListenerNotFoundException e) {
        // already gone
      }
    }
    return peak;
  }

  @Override
  public void handleNotification(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
        notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long used = 0;
    for (MemoryUsage pool : info.getGcInfo().getMemoryUsageAfterGc().values()) {
      used += pool.getUsed();
    }
    if (used > peak) {
      peak = used;
    }
  }
}
