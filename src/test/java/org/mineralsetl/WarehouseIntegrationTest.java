package org.mineralsetl;

import org.junit.jupiter.api.BeforeEach;
import org.mineralsetl.warehouse.ImportKind;
import org.mineralsetl.warehouse.ImportLauncher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Base of the integration tests: the whole application context against the real PostgreSQL of
 * {@link TestDatabase}, migrated by Flyway once per run. Before each test every fact, staging, audit and
 * job-repository table is emptied; reference tables are left as the migrations seeded them.
 */
@SpringBootTest(properties = "etl.cli.enabled=false")
public abstract class WarehouseIntegrationTest {

    /** The real USGS MCS 2024 files shipped in input-samples (attribution in input-samples/SOURCES.md). */
    protected static final Path MCS2024 = Path.of("input-samples/usgs_mcs/2024");

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected ImportLauncher launcher;

    @Autowired
    protected List<ImportKind> importKinds;

    @DynamicPropertySource
    static void warehouse(DynamicPropertyRegistry registry) {
        TestDatabase.Connection c = TestDatabase.get();
        registry.add("warehouse.url", c::url);
        registry.add("warehouse.user", c::user);
        registry.add("warehouse.password", c::password);
    }

    @BeforeEach
    protected void emptyWarehouse() {
        Locale.setDefault(Locale.ROOT);
        // each trade load writes its own partition table; drop them so that load ids can start again at 1
        for (String leaf : jdbc.queryForList("""
                select format('%I.%I', schemaname, tablename) from pg_tables
                where schemaname = 'warehouse' and tablename ~ '^trade_flow_[0-9]+$'""", String.class)) {
            jdbc.execute("drop table " + leaf);
        }
        List<String> tables = jdbc.queryForList("""
                select format('%I.%I', schemaname, tablename) from pg_tables
                where schemaname in ('warehouse', 'staging', 'etl', 'indicator')
                   or (schemaname = 'public' and tablename like 'batch\\_%')""", String.class);
        if (!tables.isEmpty()) {
            jdbc.execute("truncate " + String.join(", ", tables) + " restart identity cascade");
        }
    }

    protected ImportKind kind(String name) {
        return importKinds.stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
    }

    protected ImportLauncher.Outcome importFile(String kind, Path file) {
        return launcher.importFile(kind(kind), file, 10.0);
    }

    protected ImportLauncher.Outcome importFile(String kind, Path file, double maxRejectPct) {
        return launcher.importFile(kind(kind), file, maxRejectPct);
    }
}
