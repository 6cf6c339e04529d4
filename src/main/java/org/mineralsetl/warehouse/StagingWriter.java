package org.mineralsetl.warehouse;

import org.mineralsetl.support.PgCopy;
import org.mineralsetl.support.RejectRow;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Writes a chunk of processed records: rows stream into a staging table with COPY, rejects go to etl.reject and
 * ignored rows to etl.ignored_row, all inside the chunk's transaction (a restart never writes any of them twice).
 * Every staged row gets the load, file and job execution it belongs to.
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
        List<RejectRow> ignored = new ArrayList<>();
        try (PgCopy copy = PgCopy.into(dataSource, table, columns)) {
            for (Processed<T> item : chunk) {
                for (T row : item.rows()) {
                    Object[] v = values.apply(row);
                    Object[] withLineage = Arrays.copyOf(v, v.length + 3);
                    withLineage[v.length] = load.loadId();
                    withLineage[v.length + 1] = load.sourceFileId();
                    withLineage[v.length + 2] = load.jobExecutionId();
                    copy.row(withLineage);
                }
                rejects.addAll(item.rejects());
                ignored.addAll(item.ignored());
            }
        }
        loads.writeRejects(load, rejects);
        loads.writeIgnored(load, ignored);
    }
}
