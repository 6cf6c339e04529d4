package org.mineralsetl.indicator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mineralsetl.WarehouseIntegrationTest;
import org.mineralsetl.warehouse.ImportLauncher;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** indicator.v_group_self_sufficiency on hand-computed fixtures: tungsten production, US salient statistics, BACI ores. */
class GroupSelfSufficiencyIntegrationTests extends WarehouseIntegrationTest {

    private static final String HEADER = "Source,Country,Type,Prod_t_2022,Prod_t_est_2023,Prod_notes,Reserves_t,Reserves_notes\r\n";
    private static final String TYPE = "\"Mine production, tungsten content\"";

    @Autowired
    IndicatorRunner indicators;

    @TempDir
    Path dir;

    private static String row(String country, String y2022) {
        return "MCS2024," + country + "," + TYPE + "," + y2022 + "," + y2022 + ",,NA,\r\n";
    }

    private void load(String kind, String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        ImportLauncher.Outcome o = importFile(kind, f);
        assertThat(o.status()).as(o.message()).isEqualTo(ImportLauncher.Status.LOADED);
    }

    private Map<String, Object> row(String group) {
        return jdbc.queryForMap("""
                select * from indicator.v_group_self_sufficiency
                where group_code = ? and commodity = 'tungsten' and stage = 'mine' and year = 2022 and source = 'usgs_mcs'""", group);
    }

    @Test
    void setsProductionAgainstConsumptionOrAgainstProductionPlusImportsFromOutside() throws IOException {
        load("usgs-world", "mcs2024-tungs_world.csv", HEADER + row("China", "60") + row("Australia", "20")
                + row("United States", "10") + row("Canada", "10") + row("World total (rounded)", "100"));
        // US 2022: production 10, imports 40, exports 0: apparent consumption 50 t
        load("usgs-salient", "mcs2024-tungs_salient.csv", """
                DataSource,Commodity,Year,USprod_Mine_t,Imports_Ore_t,Exports_Ore_t,Consump_t,NIR_pct
                MCS2024,Tungsten,2022,10,40,0,50,80
                """);
        load("baci", "BACI_HS17_Y2022_V202301.csv", """
                t,i,j,k,v,q
                2022,36,276,261100,10.000,1.000
                2022,36,842,261100,30.000,3.000
                2022,124,392,261100,50.000,5.000
                2022,124,842,261100,10.000,1.000
                2022,156,251,261100,20.000,2.000
                2022,156,276,261100,40.000,4.000
                2022,156,842,261100,600.000,60.000
                2022,276,251,261100,20.000,2.000
                """);
        // the bloc is data: a group of the United States alone has every member's consumption
        jdbc.update("insert into ref.country_group (group_code, name, description, is_editable) values ('usa_only', 'USA', 'test', true)");
        jdbc.update("insert into ref.country_group_member (group_code, iso3) values ('usa_only', 'USA')");
        try {
            IndicatorRunner.Result r = indicators.run();
            assertThat(r.ok()).as(r.message()).isTrue();

            Map<String, Object> usa = row("usa_only");
            assertThat(usa).containsEntry("ratio_basis", "production_over_consumption").containsEntry("n_members_with_consumption", 1);
            assertThat((BigDecimal) usa.get("members_consumption_t")).isEqualByComparingTo("50");
            assertThat((BigDecimal) usa.get("self_sufficiency_ratio")).isEqualByComparingTo("0.2"); // 10 / 50

            // allied bloc: Australia 20 + United States 10 + Canada 10 = 40 t; from outside only China: 60 + 4 + 2 t
            Map<String, Object> bloc = row("allied_bloc");
            assertThat(bloc).containsEntry("ratio_basis", "production_over_production_plus_imports")
                    .containsEntry("trade_source", "baci").containsEntry("n_reporters", 4);
            assertThat((BigDecimal) bloc.get("group_production_t")).isEqualByComparingTo("40");
            assertThat((BigDecimal) bloc.get("group_share_pct")).isEqualByComparingTo("40");
            assertThat((BigDecimal) bloc.get("imports_from_outside_t")).isEqualByComparingTo("66");
            assertThat((BigDecimal) bloc.get("imports_from_outside_usd")).isEqualByComparingTo("660000");
            assertThat((BigDecimal) bloc.get("imports_from_inside_usd")).isEqualByComparingTo("120000"); // 30 + 10 + 50 + 10 + 20
            assertThat((BigDecimal) bloc.get("imports_from_china_usd")).isEqualByComparingTo("660000");
            assertThat((BigDecimal) bloc.get("self_sufficiency_ratio")).isEqualByComparingTo("0.3774"); // 40 / 106

            // EU27 produces none: Germany and France buy 4 + 2 t from China, 1 t from Australia
            Map<String, Object> eu = row("eu27");
            assertThat((BigDecimal) eu.get("imports_from_outside_t")).isEqualByComparingTo("7");
            assertThat((BigDecimal) eu.get("imports_from_china_t")).isEqualByComparingTo("6");
            assertThat((BigDecimal) eu.get("self_sufficiency_ratio")).isEqualByComparingTo("0");

            // China mainland: no member reports imports, no consumption: unknown, not zero
            Map<String, Object> china = row("china_mainland");
            assertThat(china).containsEntry("ratio_basis", "unknown").containsEntry("trade_source", "");
            assertThat(china.get("self_sufficiency_ratio")).isNull();
        } finally {
            jdbc.update("delete from ref.country_group_member where group_code = 'usa_only'");
            jdbc.update("delete from ref.country_group where group_code = 'usa_only'");
        }
    }
}
