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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mirror reconciliation, GeoPolRisk and EU supply risk against one fixture computed by hand (docs/risk-methods.md).
 * <p>
 * Comtrade 2022, HS 280530 (rare-earth metals, chapter 28): China reports exports of 100,000 USD FOB each to the USA,
 * Japan and Germany (10 t each), 50,000 USD (4 t) to Taiwan (partner 490, which reports nothing), 400,000 USD to the
 * World (partner 0) and 7,000 USD of re-exports to the USA. The USA reports 110,000 USD CIF from China (ratio 1.10),
 * Japan 130,000 (1.30, 12 t) and Germany 150,000 (1.50, 10 t); Japan also 20,000 USD (3 t) from Hong Kong, which has
 * no WGI score. BACI 2022 holds China to the USA: 105 thousand USD, 10 t. USGS 2022 rare-earth mine production:
 * China 60,000 t, United States 15,000, Australia 15,000, Burma 10,000 (no WGI score). WGI 2022: every estimate
 * -0.5 for China, 1.0 for the USA and Japan, 1.5 for Australia and Germany.
 */
class TradeRiskIntegrationTests extends WarehouseIntegrationTest {

    private static final String COMTRADE_HEADER = "typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,"
            + "flowCode,partnerCode,partner2Code,classificationCode,cmdCode,customsCode,mosCode,motCode,qtyUnitCode,qty,"
            + "netWgt,cifvalue,fobvalue,primaryValue,isReported,isAggregate\n";

    @Autowired
    IndicatorRunner indicators;

    @TempDir
    Path dir;

    private static String comtrade(int reporter, String flow, int partner, long kg, long usd) {
        String cif = flow.equals("M") ? usd + ".0" : "0.0";
        String fob = flow.equals("M") ? "0.0" : usd + ".0";
        return "C,A,20220101,2022,52,2022," + reporter + "," + flow + "," + partner + ",0,H6,280530,C00,0,0,8," + kg
                + ".0," + kg + ".0," + cif + "," + fob + "," + usd + ".0,True,False\n";
    }

    private static String wgi(String name, String iso3, String value) {
        StringBuilder rows = new StringBuilder();
        for (String code : List.of("CC", "GE", "PV", "RQ", "RL", "VA")) {
            rows.append('"').append(name).append("\",\"").append(iso3).append("\",\"").append(code)
                    .append(": Estimate\",\"").append(code).append(".EST\",\"").append(value).append("\",\"")
                    .append(value).append("\",\n");
        }
        return rows.toString();
    }

    private void load(String kind, String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        ImportLauncher.Outcome o = importFile(kind, f);
        assertThat(o.status()).as(o.message()).isEqualTo(ImportLauncher.Status.LOADED);
    }

    private void loadFixture(boolean withBaci) throws IOException {
        load("comtrade", "mirror_fixture_trade_data.csv", COMTRADE_HEADER
                + comtrade(156, "X", 842, 10_000, 100_000) + comtrade(842, "M", 156, 10_000, 110_000)
                + comtrade(156, "X", 392, 10_000, 100_000) + comtrade(392, "M", 156, 12_000, 130_000)
                + comtrade(156, "X", 276, 10_000, 100_000) + comtrade(276, "M", 156, 10_000, 150_000)
                + comtrade(156, "X", 490, 4_000, 50_000) + comtrade(156, "X", 0, 50_000, 400_000)
                + comtrade(156, "RX", 842, 500, 7_000) + comtrade(392, "M", 344, 3_000, 20_000));
        if (withBaci) {
            load("baci", "BACI_HS17_Y2022_V202301.csv", "t,i,j,k,v,q\n2022,156,842,280530,105.000,10.000\n");
        }
        load("usgs-world", "mcs2024-raree_world.csv",
                "Source,Country,Type,Prod_t_est_2022,Prod_t_est_2023,Prod_notes,Reserves_t,Reserves_notes\r\n"
                        + rareEarths("China", "60000") + rareEarths("United States", "15000")
                        + rareEarths("Australia", "15000") + rareEarths("Burma", "10000"));
        load("wgi", "WGIData.csv", "\"Country Name\",\"Country Code\",\"Indicator Name\",\"Indicator Code\",\"2021\",\"2022\",\n"
                + wgi("China", "CHN", "-0.5") + wgi("United States", "USA", "1.0") + wgi("Japan", "JPN", "1.0")
                + wgi("Australia", "AUS", "1.5") + wgi("Germany", "DEU", "1.5"));
    }

    private static String rareEarths(String country, String tonnes) {
        return "MCS2024," + country + ",\"Rare earths, mine production, rare-earth-oxide equivalent, metric tons\","
                + tonnes + "," + tonnes + ",,NA,\r\n";
    }

    private void computeIndicators() {
        IndicatorRunner.Result r = indicators.run();
        assertThat(r.ok()).as(r.message()).isTrue();
    }

    private Map<String, Object> flow(String exporter, String importer) {
        return jdbc.queryForMap("select * from warehouse.v_trade_reconciled where exporter_code = ? and importer_code = ?"
                + " and hs_code = '280530' and year = 2022", exporter, importer);
    }

    @Test
    void reconcilesBothSidesWithTheBoundedMedianCifFobFactorAndLetsBaciWin() throws IOException {
        loadFixture(true);

        // median of 1.10, 1.30, 1.50 is 1.30, above the upper bound 1.20 of ref.cif_fob_default
        Map<String, Object> usa = flow("CHN", "USA");
        assertThat(usa).containsEntry("provenance", "baci").containsEntry("value_basis", "FOB")
                .containsEntry("cif_fob_factor_basis", "observed_median_bounded").containsEntry("cif_fob_pairs", 3L);
        assertThat((BigDecimal) usa.get("value_usd")).isEqualByComparingTo("105000");
        assertThat((BigDecimal) usa.get("importer_value_usd")).isEqualByComparingTo("110000");
        assertThat((BigDecimal) usa.get("exporter_value_usd")).isEqualByComparingTo("100000");
        assertThat((BigDecimal) usa.get("gap_pct")).isEqualByComparingTo("10");
        assertThat((BigDecimal) usa.get("cif_fob_factor")).isEqualByComparingTo("1.20");
        // the re-exports stay apart
        assertThat((BigDecimal) usa.get("exporter_reexport_value_usd")).isEqualByComparingTo("7000");

        Map<String, Object> japan = flow("CHN", "JPN");
        assertThat(japan).containsEntry("provenance", "importer").containsEntry("value_basis", "CIF");
        assertThat((BigDecimal) japan.get("value_usd")).isEqualByComparingTo("130000");
        assertThat((BigDecimal) japan.get("gap_pct")).isEqualByComparingTo("30");

        // Taiwan reports nothing: its imports are China's exports to partner 490, times the factor
        Map<String, Object> taiwan = flow("CHN", "TWN");
        assertThat(taiwan).containsEntry("provenance", "exporter_mirror").containsEntry("value_basis", "CIF_from_FOB")
                .containsEntry("importer_iso3", "TWN").containsEntry("net_weight_provenance", "exporter_mirror");
        assertThat((BigDecimal) taiwan.get("value_usd")).isEqualByComparingTo("60000"); // 50,000 x 1.20
        assertThat((BigDecimal) taiwan.get("net_weight_t")).isEqualByComparingTo("4");
        assertThat(taiwan.get("importer_value_usd")).isNull();
        assertThat(taiwan.get("gap_pct")).isNull();

        // Hong Kong is not China; partner World is never a flow
        assertThat(flow("HKG", "JPN")).containsEntry("provenance", "importer").containsEntry("exporter_iso3", "HKG");
        assertThat(jdbc.queryForObject("select count(*) from warehouse.v_trade_reconciled where importer_code = 'WLD'"
                + " or importer_kind = 'world'", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from warehouse.v_trade_reconciled where provenance = 'exporter_mirror'",
                Long.class)).isEqualTo(1);
        // one row per (exporter, importer, HS code, year)
        assertThat(jdbc.queryForObject("""
                select count(*) from (select 1 from warehouse.v_trade_reconciled
                group by exporter_code, importer_code, hs_code, year having count(*) > 1) as d""", Long.class)).isZero();
    }

    @Test
    void usesTheFallbackFactorBelowMinPairsAndAFactorSetByHandAboveAll() throws IOException {
        loadFixture(false);
        jdbc.update("update ref.cif_fob_default set min_pairs = 4");
        try {
            Map<String, Object> taiwan = flow("CHN", "TWN");
            assertThat(taiwan).containsEntry("cif_fob_factor_basis", "fallback");
            assertThat((BigDecimal) taiwan.get("value_usd")).isEqualByComparingTo("53000"); // 50,000 x 1.06 (IMF DOTS)
            jdbc.update("insert into ref.cif_fob_factor (hs_chapter, year, factor, note) values ('28', null, 1.08, 'test')");
            taiwan = flow("CHN", "TWN");
            assertThat(taiwan).containsEntry("cif_fob_factor_basis", "ref_chapter");
            assertThat((BigDecimal) taiwan.get("value_usd")).isEqualByComparingTo("54000");
        } finally {
            jdbc.update("update ref.cif_fob_default set min_pairs = 3");
            jdbc.update("delete from ref.cif_fob_factor where note = 'test'");
        }
    }

    @Test
    void importDependenceOfANonReporterExistsOnlyOnTheReconciledBasis() throws IOException {
        loadFixture(false);
        computeIndicators();
        Map<String, Object> taiwan = jdbc.queryForMap("""
                select * from indicator.v_import_dependence
                where source = 'comtrade' and reporter_iso3 = 'TWN' and commodity = 'rare_earths' and year = 2022""");
        assertThat(taiwan).containsEntry("basis", "reconciled").containsEntry("top_supplier_iso3", "CHN");
        assertThat((BigDecimal) taiwan.get("total_value_usd")).isEqualByComparingTo("60000");
        assertThat((BigDecimal) taiwan.get("china_value_share_pct")).isEqualByComparingTo("100");

        jdbc.update("update ref.indicator_setting set value = 'reported' where setting = 'trade_basis'");
        try {
            computeIndicators();
            assertThat(jdbc.queryForObject("select count(*) from indicator.v_import_dependence where reporter_iso3 = 'TWN'",
                    Long.class)).isZero();
            assertThat(jdbc.queryForList("select distinct basis from indicator.v_import_dependence", String.class))
                    .containsExactly("reported");
        } finally {
            jdbc.update("update ref.indicator_setting set value = 'reconciled' where setting = 'trade_basis'");
        }
    }

    private Map<String, Object> geopolrisk(String basis, String kind, String importer) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select * from indicator.v_geopolrisk
                where basis = ? and trade_source = 'comtrade' and production_source = 'usgs_mcs' and importer_kind = ?
                  and importer_code = ? and commodity = 'rare_earths' and stage = 'refinery' and year = 2022""",
                basis, kind, importer);
        assertThat(rows).hasSizeLessThanOrEqualTo(1);
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Test
    void computesGeoPolRiskByHandForANonReporterAMissingWgiScoreAndAGroup() throws IOException {
        loadFixture(false);
        computeIndicators();

        // HHI = 0.6^2 + 0.15^2 + 0.15^2 + 0.1^2 = 0.415 (mine production: no refinery figures in the source)
        // Taiwan: F = 4 t from China, p = 0, g(China) = (2.5 + 0.5) / 5 = 0.6: 0.415 x 0.6 = 0.249
        Map<String, Object> taiwan = geopolrisk("reconciled", "country", "TWN");
        assertThat(taiwan).containsEntry("production_stage", "mine").containsEntry("n_suppliers", 1);
        assertThat((BigDecimal) taiwan.get("hhi")).isEqualByComparingTo("0.415");
        assertThat((BigDecimal) taiwan.get("geopolrisk")).isEqualByComparingTo("0.249");
        assertThat((BigDecimal) taiwan.get("price_usd_per_kg")).isEqualByComparingTo("15"); // 60,000 USD / 4,000 kg
        assertThat((BigDecimal) taiwan.get("geopolrisk_cf")).isEqualByComparingTo("3.735");
        assertThat(geopolrisk("reported", "country", "TWN")).isNull();

        // Japan: 12 t from China (0.6), 3 t from Hong Kong without a score (0.5): (7.2 + 1.5) / 15 = 0.58
        Map<String, Object> japan = geopolrisk("reconciled", "country", "JPN");
        assertThat((BigDecimal) japan.get("weighted_risk")).isEqualByComparingTo("0.58");
        assertThat((BigDecimal) japan.get("geopolrisk")).isEqualByComparingTo("0.2407");
        assertThat((BigDecimal) japan.get("imputed_wgi_share_pct")).isEqualByComparingTo("20");
        assertThat((BigDecimal) japan.get("geopolrisk_cf")).isEqualByComparingTo("2.407"); // x 150,000 USD / 15,000 kg

        // the USA produces: p = 15,000 t, F = 10 t: 0.415 x 6 / 15,010
        Map<String, Object> usa = geopolrisk("reconciled", "country", "USA");
        assertThat((BigDecimal) usa.get("domestic_production_t")).isEqualByComparingTo("15000");
        assertThat(((BigDecimal) usa.get("geopolrisk")).doubleValue())
                .isCloseTo(0.415 * 6 / 15010, org.assertj.core.api.Assertions.within(0.0000005));

        // eu27 as one unit: Germany's 10 t from China, no EU production
        assertThat((BigDecimal) geopolrisk("reconciled", "group", "eu27").get("geopolrisk")).isEqualByComparingTo("0.249");
    }

    @Test
    void computesEuSupplyRiskByHandAndSaysWhyItIsNullWithoutTheFactors() throws IOException {
        loadFixture(false);
        computeIndicators();
        String sql = """
                select * from indicator.v_eu_supply_risk
                where basis = 'reconciled' and trade_source = 'comtrade' and production_source = 'usgs_mcs'
                  and group_code = 'eu27' and commodity = 'rare_earths' and stage = 'refinery' and year = 2022""";
        Map<String, Object> eu = jdbc.queryForMap(sql);
        // HHI_WGI,GS = 0.36 x 6 + 0.0225 x 3 + 0.0225 x 2, Burma (10 %) without WGI left out
        assertThat((BigDecimal) eu.get("hhi_wgi_global")).isEqualByComparingTo("2.2725");
        assertThat((BigDecimal) eu.get("global_wgi_coverage_pct")).isEqualByComparingTo("90");
        assertThat((BigDecimal) eu.get("hhi_wgi_sourcing")).isEqualByComparingTo("6"); // all from China
        assertThat((BigDecimal) eu.get("import_reliance")).isEqualByComparingTo("1"); // 10 t in, nothing made or out
        assertThat((BigDecimal) eu.get("supply_risk_before_factors")).isEqualByComparingTo("4.13625");
        assertThat(eu.get("supply_risk")).isNull();
        assertThat((String) eu.get("null_reason")).startsWith("EoL-RIR or SI_SR missing");

        jdbc.update("update ref.commodity_eu_factor set eol_rir = 0.1, si_sr = 0.9, citation = 'test'"
                + " where commodity = 'rare_earths' and stage = 'mine'");
        try {
            computeIndicators();
            eu = jdbc.queryForMap(sql);
            assertThat((BigDecimal) eu.get("supply_risk")).isEqualByComparingTo("3.350363"); // 4.13625 x 0.9 x 0.9
            assertThat(eu.get("null_reason")).isNull();
        } finally {
            jdbc.update("update ref.commodity_eu_factor set eol_rir = null, si_sr = null, citation = null"
                    + " where commodity = 'rare_earths' and stage = 'mine'");
        }
    }
}
