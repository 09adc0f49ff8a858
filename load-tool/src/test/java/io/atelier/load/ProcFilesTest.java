package io.atelier.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProcFilesTest {
  @Test
  @DisplayName("CPU time is utime + stime, counted after the last ')' of a name holding spaces")
  void cpuTicks() {
    assertThat(ProcFiles.cpuTicks(Fixtures.text("stat.txt"))).isEqualTo(1_234 + 567);
  }

  @Test
  @DisplayName("a line that is not /proc/P/stat is refused, not read as zero")
  void badStat() {
    assertThatThrownBy(() -> ProcFiles.cpuTicks("no parenthesis here"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProcFiles.cpuTicks("1 (java) S 1 2"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("the resident set is VmRSS in bytes; a process without one (a zombie) has none")
  void resident() {
    assertThat(ProcFiles.residentBytes(Fixtures.text("status.txt"))).hasValue(320_492L * 1024);
    assertThat(ProcFiles.residentBytes("Name:\tjava\nState:\tZ (zombie)\n")).isEmpty();
  }

  @Test
  @DisplayName(
      "the machine's busy time: user, nice, system, irq, softirq, steal; idle and iowait not")
  void machineBusy() {
    assertThat(ProcFiles.machineBusyTicks(Fixtures.text("machine-stat.txt")))
        .isEqualTo(10_132_153L + 290_696 + 3_084_719 + 0 + 25_195 + 7);
    assertThatThrownBy(() -> ProcFiles.machineBusyTicks("intr 1 2 3\n"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ProcFiles.machineBusyTicks(ProcFiles.machineStat())).isPositive();
  }

  @Test
  @DisplayName("this JVM's own /proc files read: some CPU used, some memory resident")
  void ownProcess() {
    long pid = ProcessHandle.current().pid();

    assertThat(ProcFiles.cpuTicks(ProcFiles.read(pid, "stat"))).isPositive();
    assertThat(ProcFiles.residentBytes(ProcFiles.read(pid, "status")).orElseThrow())
        .isGreaterThan(1 << 20);
    assertThat(ProcFiles.ticksPerSecond()).isPositive();
  }
}
