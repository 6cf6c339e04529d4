package org.mineralsetl.database;

import org.junit.jupiter.api.Test;
import org.mineralsetl.EtlApplication;
import org.mineralsetl.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A warehouse whose schema history this build does not know (made by a build before the baseline) is not touched:
 * the start fails with a sentence that says how to rebuild it.
 */
class SchemaMigrationIntegrationTests {

    @Test
    void refusesAWarehouseOfAnEarlierSchemaHistoryAndSaysHowToRebuildIt() throws Exception {
        String url = TestDatabase.get().url();
        String admin = url.substring(0, url.lastIndexOf('/')) + "/postgres";
        String oldUrl = url.substring(0, url.lastIndexOf('/')) + "/minerals_etl_old_schema";
        try (Connection c = DriverManager.getConnection(admin, "postgres", ""); Statement st = c.createStatement()) {
            st.execute("drop database if exists minerals_etl_old_schema with (force)");
            st.execute("create database minerals_etl_old_schema");
        }
        try (Connection c = DriverManager.getConnection(oldUrl, "postgres", ""); Statement st = c.createStatement()) {
            st.execute("""
                    create table flyway_schema_history (
                        installed_rank int primary key, version varchar(50), description varchar(200) not null,
                        type varchar(20) not null, script varchar(1000) not null, checksum int,
                        installed_by varchar(100) not null, installed_on timestamp not null default now(),
                        execution_time int not null, success boolean not null)""");
            st.execute("""
                    insert into flyway_schema_history values
                        (1, '3', 'create reference', 'SQL', 'V3__create_reference.sql', 1, 'postgres', now(), 1, true),
                        (2, '46', 'trade run proof', 'SQL', 'V46__trade_run_proof.sql', 1, 'postgres', now(), 1, true)""");
        }

        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(EtlApplication.class)
                .run("--etl.cli.enabled=false", "--warehouse.url=" + oldUrl, "--warehouse.user=postgres",
                        "--warehouse.password=")
                .close());

        Throwable cause = failure;
        while (cause != null && !(cause instanceof WarehouseRebuildNeededException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as(String.valueOf(failure)).isNotNull();
        assertThat(cause.getMessage()).contains("drop and create the database").contains("jobs/etl run-all");
        try (Connection c = DriverManager.getConnection(oldUrl, "postgres", ""); Statement st = c.createStatement()) {
            var rs = st.executeQuery("select count(*) from information_schema.schemata where schema_name = 'warehouse'");
            rs.next();
            assertThat(rs.getInt(1)).as("nothing migrated").isZero();
        }
    }
}
