package org.mineralsetl.usgs;

import org.junit.jupiter.api.Test;
import org.mineralsetl.support.BadFileException;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsgsFileNameTests {

    @Test
    void readsEditionSlugAndTableFromTheName() {
        UsgsFileName n = UsgsFileName.of(Path.of("x/mcs2024-raree_world.csv"));
        assertThat(n.edition()).isEqualTo("MCS2024");
        assertThat(n.editionYear()).isEqualTo(2024);
        assertThat(n.slug()).isEqualTo("raree");
        assertThat(n.table()).isEqualTo("world");
        assertThat(UsgsFileName.matches(Path.of("MCS2025-LITHI_salient.csv"), "salient")).isTrue();
        assertThat(UsgsFileName.matches(Path.of("mcs2025-lithi_salient.csv"), "world")).isFalse();
    }

    @Test
    void refusesOtherNamesWithAnActionableMessage() {
        assertThatThrownBy(() -> UsgsFileName.of(Path.of("lithium.csv")))
                .isInstanceOf(BadFileException.class)
                .hasMessageContaining("lithium.csv")
                .hasMessageContaining("mcsYYYY-<slug>_world.csv");
    }
}
