package dev.goldcopy.ceph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldcopy.spi.TransientArrayException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RbdJsonTest {

  @Test
  void listingSkipsSnapshotEntriesAndReadsParents() {
    List<RbdImage> images = RbdJson.images(Recorded.read("ls-l.json"));

    assertThat(images)
        .extracting(RbdImage::name)
        .containsExactly(".gc-trash-cp3", "big", "cp4", "gold", "vm1");
    RbdImage clone = images.get(4);
    assertThat(clone.id()).isEqualTo("103f167491a2");
    assertThat(clone.sizeBytes()).isEqualTo(67108864L);
    assertThat(clone.parent())
        .isEqualTo(
            new RbdImage.Parent("rbd", "t1.s1", "gold", "3c4236bd-db39-40fd-83d8-66f624dd4a2c"));
    assertThat(images.get(1).parent()).isNull();
  }

  @Test
  void infoReadsNameIdSizeAndParent() {
    RbdImage clone = RbdJson.info(Recorded.read("info-clone.json"));
    RbdImage master = RbdJson.info(Recorded.read("info-master.json"));

    assertThat(clone.name()).isEqualTo("vm1");
    assertThat(clone.parent()).extracting(RbdImage.Parent::image).isEqualTo("gold");
    assertThat(master).isEqualTo(new RbdImage("big", "1055bc24442f", 1073741824L, null));
  }

  @Test
  void metadataIsReadWithEscapesAndEmptyOutputIsNoMetadata() {
    Map<String, String> meta = RbdJson.metadata(Recorded.read("meta-list.json"));

    assertThat(meta)
        .containsEntry("goldcopy.kind", "master")
        .containsEntry("goldcopy.labels", "{\"os\":\"wïn \\\"11\\\"\"}");
    assertThat(RbdJson.metadata(Recorded.read("meta-list-empty.json"))).isEmpty();
    assertThat(RbdJson.metadata(Recorded.read("meta-list-dash-value.json")))
        .containsExactly(Map.entry("k", "-x"));
  }

  @Test
  void snapshotsTellTrashFromUser() {
    assertThat(RbdJson.snapshots(Recorded.read("snap-ls.json")))
        .containsExactly(new RbdJson.Snapshot("gc.base", false));
    assertThat(RbdJson.snapshots(Recorded.read("snap-ls-trash.json")))
        .containsExactly(new RbdJson.Snapshot("3c4236bd-db39-40fd-83d8-66f624dd4a2c", true));
  }

  @Test
  void childrenAndWatchers() {
    assertThat(RbdJson.children(Recorded.read("children.json"))).containsExactly(".gc-trash-cp3");
    assertThat(RbdJson.watchers(Recorded.read("status-none.json"))).isEmpty();
    assertThat(RbdJson.watchers(Recorded.read("status-watcher.json")))
        .containsExactly("127.0.0.1:0/1734437454");
  }

  @Test
  void poolUsageAndQuota() {
    String df = Recorded.read("ceph-df.json");

    assertThat(df).startsWith("\n"); // ceph df prints an empty line first
    assertThat(RbdJson.poolUsage(df, "rbd"))
        .contains(new RbdJson.PoolUsage(3477087390L, 12529085440L, 17179869184L));
    assertThat(RbdJson.poolUsage(df, "nope")).isEmpty();
    assertThat(RbdJson.quotaMaxBytes(Recorded.read("quota.json"))).isZero();
  }

  @Test
  void somethingElseThanJsonNamesTheCommand() {
    assertThatThrownBy(() -> RbdJson.images("rbd: oops"))
        .isInstanceOf(TransientArrayException.class)
        .hasMessageStartingWith("rbd ls -l printed something other than JSON");
    assertThatThrownBy(() -> RbdJson.images("{\"a\":1}"))
        .isInstanceOf(TransientArrayException.class)
        .hasMessageContaining("an array");
    assertThatThrownBy(() -> RbdJson.info("{\"name\":\"x\",\"id\":\"1\",\"size\":\"big\"}"))
        .isInstanceOf(TransientArrayException.class)
        .hasMessageContaining("a whole number size");
  }
}
