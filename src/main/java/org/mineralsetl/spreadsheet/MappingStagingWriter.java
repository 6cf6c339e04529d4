package org.mineralsetl.spreadsheet;

import org.mineralsetl.warehouse.LoadContext;
import org.mineralsetl.warehouse.Processed;
import org.mineralsetl.warehouse.ProductionRow;
import org.mineralsetl.warehouse.StagingWriter;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a chunk of mapped rows in the chunk's transaction: facts and rejects through the shared
 * {@link StagingWriter} (COPY into staging.production_row, rejects into etl.reject), ignored rows into
 * etl.ignored_row with the mapping's reason, so every row read is accounted for exactly once.
 */
class MappingStagingWriter implements ItemWriter<MappedRow> {

    private final StagingWriter<ProductionRow> staging;
    private final JdbcTemplate jdbc;
    private final LoadContext load;

    MappingStagingWriter(StagingWriter<ProductionRow> staging, JdbcTemplate jdbc, LoadContext load) {
        this.staging = staging;
        this.jdbc = jdbc;
        this.load = load;
    }

    @Override
    public void write(Chunk<? extends MappedRow> chunk) throws Exception {
        List<Processed<ProductionRow>> processed = new ArrayList<>(chunk.size());
        List<MappedRow.Ignored> ignored = new ArrayList<>();
        for (MappedRow row : chunk) {
            processed.add(row.processed());
            if (row.ignored() != null) {
                ignored.add(row.ignored());
            }
        }
        staging.write(new Chunk<>(processed));
        if (!ignored.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into etl.ignored_row (load_id, source_file_id, file_name, sheet, row_number, raw_text, reason)
                    values (?, ?, ?, ?, ?, ?, ?)""", ignored, 500, (ps, r) -> {
                ps.setLong(1, load.loadId());
                ps.setLong(2, load.sourceFileId());
                ps.setString(3, load.fileName());
                ps.setString(4, r.sheet());
                ps.setLong(5, r.rowNumber());
                ps.setString(6, r.rawText());
                ps.setString(7, r.reason());
            });
        }
    }
}
