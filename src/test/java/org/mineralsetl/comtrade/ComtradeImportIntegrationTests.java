package org.mineralsetl.comtrade;

import org.junit.jupiter.api.Test;
import org.mineralsetl.WarehouseIntegrationTest;
import org.mineralsetl.warehouse.ImportLauncher;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The real UN Comtrade v1 and legacy samples in input-samples/comtrade, loaded into warehouse.trade_fact. */
class ComtradeImportIntegrationTests extends WarehouseIntegrationTest {

    static final Path V1 = Path.of("input-samples/comtrade/v1_api");
    static final Path HEAVY_REE = V1.resolve("heavy_ree_trade_data.csv");
    static final Path LITHIUM = V1.resolve("lithium_trade_data.csv");
    static final Path LEGACY = Path.of("input-samples/comtrade/legacy/comtrade.csv");

    @Test
    void loadsUnitedStatesRareEarthImportsFromChinaIn2020ToTheDollarAndTheTonne() {
        ImportLauncher.Outcome o = importFile("comtrade", HEAVY_REE);
        assertThat(o.status()).as(o.message()).isEqualTo(ImportLauncher.Status.LOADED);

        // From the CSV: 2846 (H5) M 842<-156 2020 primaryValue 45649703.0, netWgt 4322339.354 kg (estimated);
        //               280530 (H5) M 842<-156 2020 primaryValue 6675957.0, netWgt 273872.0 kg.
        Map<String, Object> total = jdbc.queryForMap("""
                select sum(value_usd) as value_usd, sum(net_weight_t) as net_weight_t, count(*) as n,
                       string_agg(distinct value_basis, ',') as basis, string_agg(distinct commodity, ',') as commodity,
                       bool_or(is_estimate) as any_estimate
                from warehouse.v_trade
                where source = 'comtrade' and reporter_iso3 = 'USA' and partner_iso3 = 'CHN' and flow = 'M'
                  and year = 2020 and commodity = 'rare_earths'""");
        assertThat((BigDecimal) total.get("value_usd")).isEqualByComparingTo("52325660");
        assertThat((BigDecimal) total.get("net_weight_t")).isEqualByComparingTo("4596.211354");
        assertThat(total.get("n")).isEqualTo(2L);
        assertThat(total.get("basis")).isEqualTo("CIF");
        assertThat(total.get("any_estimate")).isEqualTo(true);

        Map<String, Object> oxides = jdbc.queryForMap("""
                select value_usd, net_weight_t, original_net_weight, original_weight_unit, stage, hs_revision,
                       quantity, quantity_unit, is_estimate, month
                from warehouse.v_trade
                where reporter_iso3 = 'USA' and partner_iso3 = 'CHN' and flow = 'M' and year = 2020 and hs_code = '2846'""");
        assertThat((BigDecimal) oxides.get("value_usd")).isEqualByComparingTo("45649703");
        assertThat((BigDecimal) oxides.get("net_weight_t")).isEqualByComparingTo("4322.339354");
        assertThat((BigDecimal) oxides.get("original_net_weight")).isEqualByComparingTo("4322339.354");
        assertThat(oxides.get("original_weight_unit")).isEqualTo("kg");
        assertThat(oxides.get("stage")).isEqualTo("refinery");
        assertThat(oxides.get("hs_revision")).isEqualTo("HS2017");
        assertThat(oxides.get("quantity_unit")).isEqualTo("kg");
        assertThat(oxides.get("is_estimate")).isEqualTo(true);
        assertThat(oxides.get("month")).isNull();
    }

    @Test
    void keepsPartnerWorldOutOfCountryRows() {
        importFile("comtrade", HEAVY_REE);
        assertThat(jdbc.queryForObject("select count(*) from warehouse.v_trade where partner_code = 'WLD'", Long.class))
                .isZero();
        // heavy_ree: 40 of the 80 rows have partnerCode 0
        assertThat(jdbc.queryForObject("select count(*) from warehouse.v_trade_world_total", Long.class)).isEqualTo(40L);
        assertThat(jdbc.queryForObject("select count(*) from warehouse.v_trade", Long.class)).isEqualTo(40L);
        // US 2020 exports of 2846 to the World (line 23): primaryValue 120500270.0, fobvalue the same
        Map<String, Object> world = jdbc.queryForMap("""
                select value_basis, value_usd from warehouse.v_trade_world_total
                where reporter_iso3 = 'USA' and flow = 'X' and year = 2020 and hs_code = '2846'""");
        assertThat(world.get("value_basis")).isEqualTo("FOB");
        assertThat((BigDecimal) world.get("value_usd")).isEqualByComparingTo("120500270");
    }
}
