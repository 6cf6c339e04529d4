package org.mineralsetl.spreadsheet;

import org.junit.jupiter.api.Test;
import org.mineralsetl.WarehouseIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class LoadSlotsIntegrationTests extends WarehouseIntegrationTest {

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void numbersAgainTheSlotsOfAChunkThatRolledBack() {
        jdbc.update("insert into warehouse.production_load (load_id) values (901)");
        try {
            LoadSlots slots = new LoadSlots(jdbc, 901);
            slots.open();
            TransactionTemplate tx = new TransactionTemplate(transactions);
            tx.executeWithoutResult(s -> {
                assertThat(slots.of(2020, "2020")).isZero();
                slots.record();
            });
            tx.executeWithoutResult(s -> {
                assertThat(slots.of(2021, "2021")).isEqualTo(1);
                assertThat(slots.of(2022, "2022")).isEqualTo(2);
                slots.record();
                s.setRollbackOnly();
            });
            // the writer goes on: 2022 comes first now, and takes the slot the rolled-back chunk gave 2021
            tx.executeWithoutResult(s -> {
                assertThat(slots.of(2022, "2022")).isEqualTo(1);
                assertThat(slots.of(2020, "2020")).isZero();
                slots.record();
            });
            assertThat(jdbc.queryForList("""
                    select slot || ':' || year from warehouse.production_load_column where load_id = 901 order by slot""",
                    String.class)).containsExactly("1:2020", "2:2022");
            // a restart reads the same numbering back
            LoadSlots restarted = new LoadSlots(jdbc, 901);
            restarted.open();
            assertThat(restarted.of(2022, "2022")).isEqualTo(1);
        } finally {
            jdbc.update("delete from warehouse.production_load where load_id = 901");
        }
    }
}
