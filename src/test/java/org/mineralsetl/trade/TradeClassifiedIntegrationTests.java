package org.mineralsetl.trade;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mineralsetl.WarehouseIntegrationTest;
import org.mineralsetl.baci.BaciSampleFile;
import org.mineralsetl.warehouse.ImportLauncher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * warehouse.trade_classified, which the trade merge keeps for the (source, year) slices of each load, holds exactly
 * the classified annual breakdown totals of the latest edition per trade key that warehouse.v_trade and
 * v_trade_world_total show.
 */
class TradeClassifiedIntegrationTests extends WarehouseIntegrationTest {

    // the partner is in the lineage (load_id, row_number): v_trade_world_total does not show its code
    private static final String ORACLE = """
            select source, edition, year::smallint, hs_revision, reporter_code, flow, hs_code, commodity, value_usd,
                   net_weight_t, load_id, row_number
            from warehouse.v_trade
            where commodity is not null and month is null
            union all
            select source, edition, year::smallint, hs_revision, reporter_code, flow, hs_code, commodity, value_usd,
                   net_weight_t, load_id, row_number
            from warehouse.v_trade_world_total
            where commodity is not null and month is null""";

    private static final String TABLE = """
            select source, edition, year, hs_revision, reporter_code, flow, hs_code, commodity, value_usd,
                   net_weight_t, load_id, row_number
            from warehouse.trade_classified""";

    @TempDir
    Path dir;

    @Test
    void holdsTheClassifiedRowsOfTheLatestEditionAfterEveryMerge() {
        Path v1 = Path.of("input-samples/comtrade/v1_api");
        load("comtrade", v1.resolve("heavy_ree_trade_data.csv"));
        load("comtrade", v1.resolve("lithium_trade_data.csv"));
        load("comtrade-legacy", Path.of("input-samples/comtrade/legacy/comtrade.csv"));
        Path baci = dir.resolve("BACI_HS17_Y2022_V202301.csv");
        BaciSampleFile.write(baci, 20_000, 2022, 11);
        load("baci", baci);

        assertThat(jdbc.queryForObject("select count(*) from warehouse.trade_classified where source = 'comtrade'",
                Long.class)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from warehouse.trade_classified where source = 'baci'",
                Long.class)).isPositive();
        assertThat(difference()).isEmpty();

        jdbc.execute("call warehouse.refresh_trade_classified(null)");
        assertThat(difference()).as("rebuilt whole").isEmpty();
    }

    @Test
    void aRedeliveryAndANewerEditionReplaceTheRowsOfTheirSlice() throws IOException {
        Path first = Files.createDirectories(dir.resolve("first")).resolve("BACI_HS17_Y2022_V202301.csv");
        Path again = Files.createDirectories(dir.resolve("again")).resolve("BACI_HS17_Y2022_V202301.csv");
        Path newer = dir.resolve("BACI_HS17_Y2022_V202401.csv");
        Path otherYear = dir.resolve("BACI_HS17_Y2021_V202301.csv");
        Files.writeString(first, "t,i,j,k,v,q\n2022,4,8,260300,1.5,2\n2022,4,8,260400,2.5,3\n2022,4,8,010100,7,1\n");
        Files.writeString(again, "t,i,j,k,v,q\n2022,4,8,260300,999,2\n");
        Files.writeString(newer, "t,i,j,k,v,q\n2022,4,8,260400,40,4\n");
        Files.writeString(otherYear, "t,i,j,k,v,q\n2021,4,8,260300,11,1\n");

        load("baci", first);
        assertThat(rows()).containsExactly("2022 260300 V202301 1500", "2022 260400 V202301 2500");
        load("baci", again);
        assertThat(rows()).as("the re-delivery's value").containsExactly("2022 260300 V202301 999000",
                "2022 260400 V202301 2500");
        load("baci", newer);
        assertThat(rows()).as("the newer edition's row, the older edition's other row")
                .containsExactly("2022 260300 V202301 999000", "2022 260400 V202401 40000");
        load("baci", otherYear);
        assertThat(rows()).containsExactly("2021 260300 V202301 11000", "2022 260300 V202301 999000",
                "2022 260400 V202401 40000");
        assertThat(difference()).isEmpty();
    }

    private void load(String kind, Path file) {
        ImportLauncher.Outcome o = importFile(kind, file);
        assertThat(o.status()).as(o.message()).isEqualTo(ImportLauncher.Status.LOADED);
    }

    private List<String> rows() {
        return jdbc.queryForList("""
                select year || ' ' || hs_code || ' ' || edition || ' ' || trim_scale(value_usd)
                from warehouse.trade_classified order by year, hs_code""", String.class);
    }

    private List<String> difference() {
        return jdbc.queryForList("select 'missing ' || o::text from ((" + ORACLE + ") except all (" + TABLE + ")) as o"
                + " union all select 'extra ' || t::text from ((" + TABLE + ") except all (" + ORACLE + ")) as t",
                String.class);
    }
}
