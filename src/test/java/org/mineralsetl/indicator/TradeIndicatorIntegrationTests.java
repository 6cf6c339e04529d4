package org.mineralsetl.indicator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mineralsetl.WarehouseIntegrationTest;
import org.mineralsetl.warehouse.ImportLauncher;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Import dependence and group dependence on a real Comtrade extract and a hand-computed BACI-shaped fixture. */
class TradeIndicatorIntegrationTests extends WarehouseIntegrationTest {

    @Autowired
    IndicatorRunner indicators;

    @TempDir
    Path dir;

    @Test
    void setsUsRareEarthImportsFromChinaAgainstTheReportedWorldTotal() {
        assertThat(importFile("comtrade", Path.of("input-samples/comtrade/v1_api/heavy_ree_trade_data.csv")).status())
                .isEqualTo(ImportLauncher.Status.LOADED);
        assertThat(indicators.run().ok()).isTrue();

        Map<String, Object> us = jdbc.queryForMap("""
                select * from indicator.v_import_dependence
                where source = 'comtrade' and reporter_iso3 = 'USA' and commodity = 'rare_earths' and stage = 'refinery'
                  and year = 2020 and flow = 'M'""");
        // the extract lists China as the only partner country: HS 2846 45,649,703 + HS 280530 6,675,957 USD (CIF)
        assertThat((BigDecimal) us.get("total_value_usd")).isEqualByComparingTo("52325660");
        assertThat((BigDecimal) us.get("china_value_share_pct")).isEqualByComparingTo("100");
        assertThat(us).containsEntry("top_supplier_iso3", "CHN");
        // against the World rows of the same codes: 98,248,642 + 8,978,071 USD
        assertThat((BigDecimal) us.get("world_total_value_usd")).isEqualByComparingTo("107226713");
        assertThat(((BigDecimal) us.get("china_share_of_world_total_pct")).doubleValue())
                .isCloseTo(100.0 * 52325660 / 107226713, org.assertj.core.api.Assertions.within(0.001));
    }

    @Test
    void computesSupplierHhiAndGroupDependenceByHand() throws IOException {
        Path baci = dir.resolve("BACI_HS17_Y2022_V202301.csv");
        // importer USA (842) buys rare-earth metals (280530) from China 60, Australia 30, Canada 10 (thousand USD)
        Files.writeString(baci, "t,i,j,k,v,q\n2022,156,842,280530,60.000,6.000\n2022,36,842,280530,30.000,3.000\n"
                + "2022,124,842,280530,10.000,1.000\n");
        ImportLauncher.Outcome o = importFile("baci", baci);
        assertThat(o.status()).as(o.message()).isEqualTo(ImportLauncher.Status.LOADED);
        assertThat(indicators.run().ok()).isTrue();

        Map<String, Object> us = jdbc.queryForMap("""
                select * from indicator.v_import_dependence
                where source = 'baci' and reporter_iso3 = 'USA' and commodity = 'rare_earths' and year = 2022""");
        assertThat((BigDecimal) us.get("total_value_usd")).isEqualByComparingTo("100000");
        assertThat((BigDecimal) us.get("supplier_hhi")).isEqualByComparingTo("4600"); // 60^2 + 30^2 + 10^2
        assertThat((BigDecimal) us.get("china_value_share_pct")).isEqualByComparingTo("60");
        assertThat((BigDecimal) us.get("china_qty_share_pct")).isEqualByComparingTo("60");
        assertThat(us).containsEntry("n_suppliers", 3);

        Map<String, Object> bloc = jdbc.queryForMap("""
                select * from indicator.v_group_dependence
                where group_code = 'allied_bloc' and source = 'baci' and commodity = 'rare_earths' and year = 2022""");
        assertThat((BigDecimal) bloc.get("china_value_share_pct")).isEqualByComparingTo("60");
        assertThat((BigDecimal) bloc.get("intra_group_share_pct")).isEqualByComparingTo("40"); // Australia + Canada
    }
}
