package io.atelier.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HeapReadingsTest {
  @Test
  @DisplayName("G1's GC.heap_info: the heap line's used figure; Metaspace is not heap")
  void g1() {
    assertThat(HeapReadings.fromHeapInfo(Fixtures.text("heap_info_g1.txt")))
        .hasValue(21_650L * 1024);
  }

  @Test
  @DisplayName("Parallel's GC.heap_info: the generations' used figures add up")
  void parallel() {
    assertThat(HeapReadings.fromHeapInfo(Fixtures.text("heap_info_parallel.txt")))
        .hasValue((3_932L + 10_000L) * 1024);
  }

  @Test
  @DisplayName("jcmd text without a heap line gives no figure rather than zero")
  void noHeap() {
    assertThat(HeapReadings.fromHeapInfo("12345:\nCommand executed successfully\n")).isEmpty();
  }

  @Test
  @DisplayName("Prometheus text: the heap pools of jvm_memory_used_bytes add up, non-heap left out")
  void prometheus() {
    assertThat(HeapReadings.fromPrometheus(Fixtures.text("metrics.txt")))
        .hasValue(1_048_576L + 20_971_520L + 4_194_304L);
    assertThat(HeapReadings.fromPrometheus("atelier_connections 3.0\n")).isEmpty();
  }
}
