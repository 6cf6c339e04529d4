package org.mineralsetl.warehouse;

import org.mineralsetl.support.PgTextCopy;
import org.mineralsetl.support.RejectRow;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes a chunk of processed records: rows stream into a staging table with COPY, rejects go to
 * etl.reject, both inside the chunk's transaction (so a restart never writes either twice).
 */
public class StagingWriter<T> implements ItemWriter<Processed<T>> {

    private final DataSource dataSource;
    private final JdbcLoadDao loads;
    private final String table;
    private final List<String> columns;
    private final Function<T, Object[]> values;
    private final LoadContext load;

    public StagingWriter(DataSource dataSource, JdbcLoadDao loads, String table, List<String> columns,
                         Function<T, Object[]> values, LoadContext load) {
        this.dataSource = dataSource;
        this.loads = loads;
        this.table = table;
        List<String> all = new ArrayList<>(columns);
        all.addAll(List.of("load_id", "source_file_id", "job_execution_id"));
        this.columns = all;
        this.values = values;
        this.load = load;
    }

    @Override
    public void write(Chunk<? extends Processed<T>> chunk) {
        List<RejectRow> rejects = new ArrayList<>();
        try (PgTextCopy copy = PgTextCopy.into(dataSource, table, columns)) {
            for (Processed<T> item : chunk) {
                for (T row : item.rows()) {
                    for (Object v : values.apply(row)) {
                        copy.value(v);
                    }
                    copy.integer(load.loadId()).integer(load.sourceFileId()).integer(load.jobExecutionId()).endRow();
                }
                rejects.addAll(item.rejects());
            }
        }
        loads.writeRejects(load.loadId(), load.sourceFileId(), load.fileName(), rejects);
    }
}
