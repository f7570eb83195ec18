package dev.goldcopy.qcow2;

import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.kit.ConformanceFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/** The conformance kit's view of an adapter over a real directory with the real qemu-img. */
final class Qcow2Fixture implements ConformanceFixture {
  private final Path root;
  private final Function<Qcow2FileStoreAdapterBuilder, Qcow2FileStoreAdapterBuilder> limits;
  private final FailableQemuImg qemuImg = new FailableQemuImg();
  private final Qcow2FileStoreAdapter adapter;
  private final List<Qcow2FileStoreAdapter> restarted = new ArrayList<>();
  private final boolean shared;

  /**
   * Opens an adapter over {@code root}.
   *
   * @param limits declares the operator's limits on a builder
   * @param shared whether the kit must treat the array as shared: without a capacity quota the
   *     free capacity is the disk's, which every other program on the machine changes too
   */
  Qcow2Fixture(
      Path root,
      Function<Qcow2FileStoreAdapterBuilder, Qcow2FileStoreAdapterBuilder> limits,
      boolean shared) {
    this.root = root;
    this.limits = limits;
    this.shared = shared;
    this.adapter = open();
  }

  private Qcow2FileStoreAdapter open() {
    return limits.apply(TestStores.builder(root).imageTool(qemuImg)).build();
  }

  @Override
  public ArrayAdapter adapter() {
    return adapter;
  }

  @Override
  public StoreRef store() {
    return TestStores.ACME;
  }

  @Override
  public StoreRef otherTenantStore() {
    return TestStores.GLOBEX;
  }

  @Override
  public Container createOrigin(
      StoreRef store, String name, ContentId content, GroupId group, long sizeBytes) {
    return adapter.createOrigin(store, name, content, group, sizeBytes, Labels.empty());
  }

  @Override
  public boolean sharedArray() {
    return shared;
  }

  @Override
  public boolean failPhysicalCopies(boolean fail) {
    qemuImg.failCopies(fail);
    return true;
  }

  @Override
  public ArrayAdapter restartedAdapter() {
    Qcow2FileStoreAdapter next = open();
    restarted.add(next);
    return next;
  }

  /** Every file under the store's directory, the adapter's sidecars and temporaries included. */
  @Override
  public long rawObjectCount() {
    try (Stream<Path> files = Files.walk(TestStores.acmeDir(root))) {
      return files.filter(Files::isRegularFile).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    restarted.forEach(Qcow2FileStoreAdapter::close);
    adapter.close();
  }
}
