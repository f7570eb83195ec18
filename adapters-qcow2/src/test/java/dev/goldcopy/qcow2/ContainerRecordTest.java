package dev.goldcopy.qcow2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerRecordTest {

  @Test
  void aRecordSurvivesEncoding() {
    ContainerRecord record =
        new ContainerRecord(
            "golden-r001",
            "00ff00ff00ff00ff",
            ContainerKind.PHYSICAL_MASTER,
            ContainerState.FAILED,
            ContentId.of("win11 = vdi", "sha256:ab:cd"),
            GroupId.of("golden#1"),
            ContainerId.of("pool-1/golden#1234"),
            1L << 40,
            0,
            "qemu-img: Could not open 'x': No such file\nsecond line",
            Map.of("owner", "goldcopy", "vm", "vm-00001 ü ! # = :"));

    assertThat(ContainerRecord.decode(record.encode())).isEqualTo(record);
  }

  @Test
  void labelKeysNeverMeetTheAdaptersOwnKeys() {
    ContainerRecord record =
        new ContainerRecord(
            "vm-1",
            "1",
            ContainerKind.VIRTUAL_COPY,
            ContainerState.READY,
            ContentId.of("golden", "1"),
            null,
            ContainerId.of("pool-1/golden#1"),
            512,
            1,
            null,
            Map.of("goldcopy.kind", "PHYSICAL_MASTER", "goldcopy.state", "FAILED"));

    ContainerRecord back = ContainerRecord.decode(record.encode());

    assertThat(back.kind()).isEqualTo(ContainerKind.VIRTUAL_COPY);
    assertThat(back.state()).isEqualTo(ContainerState.READY);
    assertThat(back.labels()).containsEntry("goldcopy.kind", "PHYSICAL_MASTER");
  }

  @Test
  void somethingElseIsNotARecord() {
    assertThatThrownBy(
            () -> ContainerRecord.decode("a=b\n".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                ContainerRecord.decode(
                    "goldcopy.format=1\ngoldcopy.name=x\n".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("goldcopy.token");
  }
}
