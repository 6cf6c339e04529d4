package org.mineralsetl.usgs;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mineralsetl.WarehouseIntegrationTest;
import org.mineralsetl.warehouse.ImportLauncher;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Re-imports, editions, reject thresholds, broken files and restarts of a failed or killed load. */
class UsgsLoadLifecycleIntegrationTests extends WarehouseIntegrationTest {

    private static final String HEADER = "Source,Country,Type,Prod_t_2022,Prod_t_est_2023,Prod_notes,Reserves_t,Reserves_notes\r\n";
    private static final String TYPE = "\"Rare earths, mine production, rare-earth-oxide equivalent, metric tons\"";

    @TempDir
    Path dir;

    @AfterEach
    void dropFailureTrigger() {
        jdbc.execute("drop trigger if exists fail_at_row on staging.production_row");
        jdbc.execute("drop function if exists staging.fail_at_row()");
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @Test
    void reimportingAByteIdenticalFileIsANoOpThatSaysSo() throws IOException {
        Path file = MCS2024.resolve("world/mcs2024-raree_world.csv");
        assertThat(importFile("usgs-world", file).status()).isEqualTo(ImportLauncher.Status.LOADED);
        long facts = count("select count(*) from warehouse.production_fact");

        Path copy = Files.copy(file, dir.resolve("mcs2024-raree_world.csv"));
        ImportLauncher.Outcome again = importFile("usgs-world", copy);

        assertThat(again.status()).isEqualTo(ImportLauncher.Status.ALREADY_LOADED);
        assertThat(again.message()).contains("byte-identical").contains("nothing to do");
        assertThat(count("select count(*) from warehouse.production_fact")).isEqualTo(facts);
        assertThat(count("select count(*) from etl.load")).isOne();
        assertThat(count("select count(*) from batch_job_execution")).isOne();
    }

    @Test
    void keepsBothEditionsAndServesTheLatestByDefault() throws IOException {
        Path older = dir.resolve("mcs2023-raree_world.csv");
        Files.writeString(older, "Source,Country,Type,Prod_t_2021,Prod_t_est_2022,Prod_notes,Reserves_t,Reserves_notes\r\n"
                + "MCS2023,China," + TYPE + ",168000,200000,,44000000,\r\n"
                + "MCS2023,World total (rounded)," + TYPE + ",290000,300000,,130000000,\r\n", StandardCharsets.UTF_8);
        assertThat(importFile("usgs-world", MCS2024.resolve("world/mcs2024-raree_world.csv")).status())
                .isEqualTo(ImportLauncher.Status.LOADED);
        assertThat(importFile("usgs-world", older).status()).isEqualTo(ImportLauncher.Status.LOADED);

        Map<String, Object> latest2022 = jdbc.queryForMap("""
                select quantity_t, edition from warehouse.v_production
                where commodity = 'rare_earths' and country_iso3 = 'CHN' and year = 2022""");
        assertThat((BigDecimal) latest2022.get("quantity_t")).isEqualByComparingTo("210000");
        assertThat(latest2022).containsEntry("edition", "MCS2024");
        assertThat(jdbc.queryForList("""
                select edition || '=' || quantity_t from warehouse.v_production_all_editions
                where commodity = 'rare_earths' and country_iso3 = 'CHN' and year = 2022 order by edition""", String.class))
                .containsExactly("MCS2023=200000", "MCS2024=210000");
        // a year only the older edition has is still served, from that edition
        assertThat(jdbc.queryForObject("""
                select edition from warehouse.v_production where commodity = 'rare_earths' and country_iso3 = 'CHN' and year = 2021""",
                String.class)).isEqualTo("MCS2023");
    }

    @Test
    void failsALoadWhoseRejectsPassTheThresholdThenLoadsItOnceWhenAllowed() throws IOException {
        Path file = dir.resolve("mcs2024-raree_world.csv");
        Files.writeString(file, HEADER
                + "MCS2024,China," + TYPE + ",210000,240000,,44000000,\r\n"
                + "MCS2024,Atlantis," + TYPE + ",10,20,,NA,\r\n"
                + "MCS2024,Burma," + TYPE + ",12000,38000,,NA,\r\n", StandardCharsets.UTF_8);

        ImportLauncher.Outcome strict = importFile("usgs-world", file, 10.0);

        assertThat(strict.status()).isEqualTo(ImportLauncher.Status.REJECTS_OVER_THRESHOLD);
        assertThat(strict.message()).contains("1 of 3 rows rejected").contains("nothing was merged")
                .contains("jobs/etl rejects");
        assertThat(count("select count(*) from warehouse.production_fact")).isZero();
        Map<String, Object> reject = jdbc.queryForMap("select file_name, row_number, raw_text, reason from etl.reject");
        assertThat(reject).containsEntry("file_name", "mcs2024-raree_world.csv").containsEntry("row_number", 3);
        assertThat((String) reject.get("raw_text")).startsWith("MCS2024,Atlantis,");
        assertThat((String) reject.get("reason")).contains("unknown country 'Atlantis'");
        assertThat(jdbc.queryForObject("select status from etl.load", String.class)).isEqualTo("FAILED");

        ImportLauncher.Outcome lenient = importFile("usgs-world", file, 50.0);

        assertThat(lenient.status()).isEqualTo(ImportLauncher.Status.LOADED);
        assertThat(count("select count(*) from warehouse.production_fact")).isEqualTo(6);
        assertThat(count("select count(*) from etl.reject")).isOne();
        assertThat(count("select count(*) from etl.load")).isOne();
        assertThat(lenient.load().orElseThrow().rowsRejected()).isOne();
        assertThat(lenient.load().orElseThrow().rowsRead()).isEqualTo(3);
    }

    /** 230 countries with distinct names from ref.country: three chunks of 100, 100 and 30 rows. */
    private Path bigWorldFile() throws IOException {
        List<String> names = jdbc.queryForList("""
                select name from ref.country where not is_historical and name not like '%,%' order by iso3 limit 230""",
                String.class);
        assertThat(names).hasSize(230);
        StringBuilder sb = new StringBuilder(HEADER);
        for (int i = 0; i < names.size(); i++) {
            sb.append("MCS2024,").append(names.get(i)).append(',').append(TYPE).append(',')
                    .append(1000 + i).append(',').append(2000 + i).append(",,").append(3000 + i).append(",\r\n");
        }
        Path file = dir.resolve("mcs2024-raree_world.csv");
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private void failStagingAtLine(int line) {
        jdbc.execute("""
                create or replace function staging.fail_at_row() returns trigger language plpgsql as $$
                begin
                    if new.row_number = %d then
                        raise exception 'injected failure at row %%', new.row_number;
                    end if;
                    return new;
                end $$""".formatted(line));
        jdbc.execute("create trigger fail_at_row before insert on staging.production_row for each row execute function staging.fail_at_row()");
    }

    @Test
    void restartsAFailedLoadFromItsLastCommittedChunkAndLoadsEveryRowOnce() throws IOException {
        Path file = bigWorldFile();
        failStagingAtLine(180); // line 180 is the 179th record: inside the second chunk

        ImportLauncher.Outcome failed = importFile("usgs-world", file);

        assertThat(failed.status()).isEqualTo(ImportLauncher.Status.FAILED);
        assertThat(failed.message()).contains("injected failure at row 180");
        assertThat(count("select count(*) from warehouse.production_fact")).isZero();
        assertThat(count("select count(distinct row_number) from staging.production_row")).isEqualTo(100);

        dropFailureTrigger();
        ImportLauncher.Outcome restarted = importFile("usgs-world", file);

        assertThat(restarted.status()).isEqualTo(ImportLauncher.Status.LOADED);
        assertThat(count("select count(*) from warehouse.production_fact")).isEqualTo(230 * 3);
        assertThat(count("select count(distinct (country_iso3, year, measure)) from warehouse.production_fact")).isEqualTo(230 * 3);
        assertThat(count("select count(*) from staging.production_row")).isZero();
        assertThat(restarted.load().orElseThrow().rowsRead()).isEqualTo(230);
        // one job instance, two executions; the second read only what the first had not committed
        assertThat(count("select count(*) from batch_job_instance")).isOne();
        assertThat(count("select count(*) from batch_job_execution")).isEqualTo(2);
        assertThat(count("""
                select read_count from batch_step_execution
                where step_name = 'usgsWorldLoadStep' order by step_execution_id desc limit 1""")).isEqualTo(130);
    }

    @Test
    void restartsALoadWhoseProcessWasKilledAndLoadsEveryRowOnce() throws IOException {
        Path file = bigWorldFile();
        failStagingAtLine(230);
        assertThat(importFile("usgs-world", file).status()).isEqualTo(ImportLauncher.Status.FAILED);
        // what a kill -9 leaves behind: executions still marked as running, no end time
        jdbc.update("update batch_job_execution set status = 'STARTED', exit_code = 'UNKNOWN', end_time = null");
        jdbc.update("update batch_step_execution set status = 'STARTED', exit_code = 'EXECUTING', end_time = null where status = 'FAILED'");
        jdbc.update("update etl.load set status = 'STARTED', finished_at = null");
        dropFailureTrigger();

        ImportLauncher.Outcome restarted = importFile("usgs-world", file);

        assertThat(restarted.status()).as(restarted.message()).isEqualTo(ImportLauncher.Status.LOADED);
        assertThat(count("select count(*) from warehouse.production_fact")).isEqualTo(230 * 3);
        assertThat(count("select count(*) from etl.load where status = 'COMPLETED'")).isOne();
    }

    @Test
    void failsAFileThatIsNotWhatItsImportExpectsWithAMessageNamingIt() throws IOException {
        Path salient = Files.copy(MCS2024.resolve("salient/mcs2024-lithi_salient.csv"),
                dir.resolve("mcs2024-lithi_world.csv"), StandardCopyOption.REPLACE_EXISTING);
        ImportLauncher.Outcome o = importFile("usgs-world", salient);
        assertThat(o.status()).isEqualTo(ImportLauncher.Status.FAILED);
        assertThat(o.message()).contains("mcs2024-lithi_world.csv holds US salient statistics")
                .contains("import usgs-salient");

        Path noUnit = dir.resolve("mcs2024-lithi_world.csv");
        Files.writeString(noUnit, "Source,Country,Type,Prod_2022\r\nMCS2024,Chile,Mine production,38000\r\n");
        assertThat(importFile("usgs-world", noUnit).message())
                .isEqualTo("mcs2024-lithi_world.csv: no production, reserves or capacity columns (Prod_*, Reserves_*, Cap_*) in the header:"
                        + " column Prod_2022 has no unit of ref.usgs_unit (t, kt, kg, mct, ...) in its name; its values are not loaded:"
                        + " add its unit to ref.usgs_column_override with the evidence");

        // beside known columns, an unknown one refuses only itself: a reject of row 0 naming it, the rest loads
        Path oneUnknown = dir.resolve("mcs2024-lithi_world.csv");
        Files.writeString(oneUnknown, "Source,Country,Type,Prod_t_2022,Prod_zz_2023\r\nMCS2024,Chile,Mine production,38000,1\r\n");
        ImportLauncher.Outcome partial = importFile("usgs-world", oneUnknown);
        assertThat(partial.status()).as(partial.message()).isEqualTo(ImportLauncher.Status.LOADED);
        assertThat(jdbc.queryForList("select row_number || ' ' || column_name || ': ' || reason from etl.reject", String.class))
                .containsExactly("0 Prod_zz_2023: column Prod_zz_2023 has no unit of ref.usgs_unit (t, kt, kg, mct, ...) in its name;"
                        + " its values are not loaded: add its unit to ref.usgs_column_override with the evidence");
        assertThat(count("select count(*) from warehouse.production_fact where country_iso3 = 'CHL' and year = 2022")).isEqualTo(1);
        jdbc.execute("delete from warehouse.production_fact");

        Path latin1 = dir.resolve("mcs2024-manga_world.csv");
        Files.write(latin1, (HEADER + "MCS2024,C\u00f4te d'Ivoire," + TYPE + ",1,2,,NA,\r\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(importFile("usgs-world", latin1).message()).contains("mcs2024-manga_world.csv: not UTF-8 text").contains("save it as UTF-8");

        Path unknownSlug = dir.resolve("mcs2024-zzzzz_world.csv");
        Files.writeString(unknownSlug, HEADER);
        assertThat(importFile("usgs-world", unknownSlug).message()).contains("unknown USGS commodity slug 'zzzzz'");

        assertThat(count("select count(*) from warehouse.production_fact")).isZero();
    }
}
