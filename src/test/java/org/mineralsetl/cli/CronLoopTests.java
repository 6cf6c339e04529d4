package org.mineralsetl.cli;

import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronExpression;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class CronLoopTests {

    @Test
    void firesAtEachCronTimeAndWaitsTheRightAmountBetween() {
        AtomicReference<LocalDateTime> now = new AtomicReference<>(LocalDateTime.of(2026, 11, 28, 16, 0, 0));
        List<Duration> waits = new ArrayList<>();
        List<LocalDateTime> firedAt = new ArrayList<>();
        CronLoop loop = new CronLoop(CronExpression.parse("0 0 3 * * SUN"), now::get, d -> {
            waits.add(d);
            now.set(now.get().plus(d));
            return true;
        });

        int runs = loop.run(2, () -> {
            firedAt.add(now.get());
            return 0;
        });

        assertThat(runs).isEqualTo(2);
        assertThat(firedAt).containsExactly(LocalDateTime.of(2026, 11, 29, 3, 0), LocalDateTime.of(2026, 12, 6, 3, 0));
        assertThat(waits.get(0)).isEqualTo(Duration.ofHours(11));
        assertThat(waits.get(1)).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void stopsWithoutRunningWhenInterruptedWhileWaiting() {
        List<Integer> ran = new ArrayList<>();
        CronLoop loop = new CronLoop(CronExpression.parse("*/5 * * * * *"), LocalDateTime::now, d -> false);
        assertThat(loop.run(0, () -> {
            ran.add(1);
            return 0;
        })).isZero();
        assertThat(ran).isEmpty();
    }
}
