package dev.goldcopy.ceph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageRecordTest {

  @Test
  void masterAndCloneRecordsRoundTrip() {
    ImageRecord master =
        new ImageRecord(
            ContainerKind.PHYSICAL_MASTER,
            ContentId.of("win11", "2026.11"),
            GroupId.of("win11"),
            "acme.pool-1/gold#1033a58f9166",
            0);
    ImageRecord clone =
        new ImageRecord(
            ContainerKind.VIRTUAL_COPY, ContentId.of("win 11 \"pro\"", "ü"), null, "x/y#z", 1);

    assertThat(ImageRecord.from(Map.of(ImageRecord.KEY, master.toJson()))).contains(master);
    assertThat(ImageRecord.from(Map.of(ImageRecord.KEY, clone.toJson()))).contains(clone);
  }

  @Test
  void anyContentRoundTrips() {
    qt().forAll(strings().allPossible().ofLengthBetween(1, 40))
        .assuming(s -> !s.isBlank() && s.strip().equals(s) && s.chars().noneMatch(Character::isISOControl))
        .checkAssert(
            s -> {
              ImageRecord r =
                  new ImageRecord(
                      ContainerKind.PHYSICAL_MASTER, ContentId.of(s, s), GroupId.of(s), null, 0);
              assertThat(ImageRecord.from(Map.of(ImageRecord.KEY, r.toJson()))).contains(r);
            });
  }

  @Test
  void imagesWithoutOrWithABrokenRecordAreNotTheAdapters() {
    assertThat(ImageRecord.from(Map.of("other", "x"))).isEmpty();
    assertThat(ImageRecord.from(Map.of(ImageRecord.KEY, "not json"))).isEmpty();
    assertThat(ImageRecord.from(Map.of(ImageRecord.KEY, "{\"kind\":\"lun\"}"))).isEmpty();
  }

  @Test
  void labelsRoundTripAndLiveUnderTheirOwnKey() {
    Map<String, String> labels = Map.of("os", "wïn \"11\"", "owner", "-x");
    String json = ImageRecord.labelsToJson(labels);

    assertThat(ImageRecord.labelsFrom(Map.of(ImageRecord.LABELS_KEY, json))).isEqualTo(labels);
    assertThat(ImageRecord.LABELS_KEY).isNotEqualTo(ImageRecord.KEY);
    assertThat(ImageRecord.labelsFrom(Map.of())).isEmpty();
    assertThat(json).startsWith("{"); // never an option-like "-..." on the rbd command line
  }

  @Test
  void containerIdsCarryNamespaceNameAndImageId() {
    ContainerId id = ContainerIds.of("acme.pool-1", "vm-00001", "103f167491a2");

    assertThat(id.value()).isEqualTo("acme.pool-1/vm-00001#103f167491a2");
    assertThat(ContainerIds.parse(id))
        .contains(new ContainerIds.Parts("acme.pool-1", "vm-00001", "103f167491a2"));
    assertThat(ContainerIds.parse(ContainerId.of("no-slash#1"))).isEmpty();
    assertThat(ContainerIds.parse(ContainerId.of("ns/no-hash"))).isEmpty();
    assertThat(ContainerIds.parse(ContainerId.of("ns/name#"))).isEmpty();
  }
}
