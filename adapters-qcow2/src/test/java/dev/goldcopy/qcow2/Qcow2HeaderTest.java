package dev.goldcopy.qcow2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Qcow2HeaderTest {
  @TempDir Path dir;

  private Optional<Qcow2Header> read(byte[] bytes) throws IOException {
    Path file = Files.write(dir.resolve("image"), bytes);
    return Qcow2Header.read(file);
  }

  @Test
  void readsSizeOfAStandaloneImage() throws IOException {
    Qcow2Header header = read(FakeImageTool.header(10L << 30, null)).orElseThrow();

    assertThat(header.version()).isEqualTo(3);
    assertThat(header.sizeBytes()).isEqualTo(10L << 30);
    assertThat(header.backingFile()).isNull();
    assertThat(header.hasBackingFile()).isFalse();
  }

  @Test
  void readsTheBackingFileAsStored() throws IOException {
    Qcow2Header header = read(FakeImageTool.header(1L << 30, "golden-r001")).orElseThrow();

    assertThat(header.backingFile()).isEqualTo("golden-r001");
    assertThat(header.sizeBytes()).isEqualTo(1L << 30);
  }

  @Test
  void readsNonAsciiBackingNames() throws IOException {
    Qcow2Header header = read(FakeImageTool.header(512, "../images/gülden.qcow2")).orElseThrow();

    assertThat(header.backingFile()).isEqualTo("../images/gülden.qcow2");
  }

  @Test
  void acceptsVersionTwo() throws IOException {
    byte[] bytes = FakeImageTool.header(512, "base");
    ByteBuffer.wrap(bytes).putInt(4, 2);

    assertThat(read(bytes)).map(Qcow2Header::version).contains(2);
  }

  @Test
  void refusesWhatIsNotAQcow2Image() throws IOException {
    byte[] raw = new byte[4096];
    byte[] otherVersion = FakeImageTool.header(512, null);
    ByteBuffer.wrap(otherVersion).putInt(4, 4);
    byte[] badClusterBits = FakeImageTool.header(512, null);
    ByteBuffer.wrap(badClusterBits).putInt(20, 40);

    assertThat(read(raw)).isEmpty();
    assertThat(read("QFI".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    assertThat(read(otherVersion)).isEmpty();
    assertThat(read(badClusterBits)).isEmpty();
  }

  @Test
  void refusesABackingNameOutsideTheFileOrTheFirstCluster() throws IOException {
    byte[] pastTheEnd = FakeImageTool.header(512, "base");
    ByteBuffer.wrap(pastTheEnd).putInt(16, 5000);
    byte[] pastTheCluster = FakeImageTool.header(512, "base");
    ByteBuffer.wrap(pastTheCluster).putLong(8, 1L << 16);
    byte[] insideTheHeader = FakeImageTool.header(512, "base");
    ByteBuffer.wrap(insideTheHeader).putLong(8, 4);

    assertThat(read(pastTheEnd)).isEmpty();
    assertThat(read(pastTheCluster)).isEmpty();
    assertThat(read(insideTheHeader)).isEmpty();
  }

  @Test
  void refusesABackingNameThatIsNotUtf8() throws IOException {
    byte[] bytes = FakeImageTool.header(512, "ab");
    bytes[112] = (byte) 0xff;

    assertThat(read(bytes)).isEmpty();
  }
}
