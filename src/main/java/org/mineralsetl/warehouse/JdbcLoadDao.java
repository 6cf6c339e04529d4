package org.mineralsetl.warehouse;

import org.mineralsetl.support.RejectRow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.mineralsetl.support.SqlScript;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.stereotype.Repository;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** etl.source_file, etl.load and etl.reject: the audit trail of every file and load. */
@Repository
public class JdbcLoadDao {

    private static final String SUMMARY = """
            select l.load_id, l.source_file_id, f.file_name, f.sha256, f.source_kind, f.edition, l.status,
                   l.rows_read, l.rows_loaded, l.rows_rejected, l.facts_merged, l.message, l.job_execution_id,
                   l.rows_ignored, l.facts_superseded, l.attempt,
                   (select coalesce(sum(s.facts), 0) from etl.superseded as s where s.load_id = l.load_id) as replaced
            from etl.load as l
            join etl.source_file as f on f.source_file_id = l.source_file_id
            """;

    private static final RowMapper<LoadSummary> SUMMARY_MAPPER = (rs, i) -> new LoadSummary(
            rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
            rs.getString(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getString(12),
            rs.getLong(13), rs.getLong(14), rs.getLong(15), rs.getInt(16), rs.getLong(17));

    private static final List<String> DISCARD = SqlScript.statements("sql/load/discard.sql");

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public JdbcLoadDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    public long registerFile(String kind, Path file, long size, String sha256, String edition) {
        return jdbc.queryForObject("""
                insert into etl.source_file (source_kind, file_name, path, size_bytes, sha256, edition)
                values (?, ?, ?, ?, ?, ?)
                on conflict (source_kind, sha256) do update
                    set path = excluded.path, file_name = excluded.file_name,
                        edition = coalesce(excluded.edition, etl.source_file.edition)
                returning source_file_id""", Long.class,
                kind, file.getFileName().toString(), file.toAbsolutePath().toString(), size, sha256, edition);
    }

    public Optional<LoadSummary> completedLoad(String kind, String sha256) {
        return jdbc.query(SUMMARY + " where f.source_kind = ? and f.sha256 = ? and l.status = 'COMPLETED' order by l.load_id desc limit 1",
                SUMMARY_MAPPER, kind, sha256).stream().findFirst();
    }

    /** The latest load of a file content, whatever its status. */
    public Optional<LoadSummary> latestLoad(String kind, String sha256) {
        return jdbc.query(SUMMARY + " where f.source_kind = ? and f.sha256 = ? order by l.load_id desc limit 1",
                SUMMARY_MAPPER, kind, sha256).stream().findFirst();
    }

    /** Drops what a load wrote and never merged (sql/load/discard.sql), at once. */
    @Transactional
    public void discardUnmerged(long loadId) {
        for (String sql : DISCARD) {
            named.update(sql, java.util.Map.of("load_id", loadId));
        }
    }

    public Optional<LoadSummary> abandonedLoad(String kind, String sha256) {
        return jdbc.query(SUMMARY + " where f.source_kind = ? and f.sha256 = ? and l.status = 'ABANDONED' order by l.load_id desc limit 1",
                SUMMARY_MAPPER, kind, sha256).stream().findFirst();
    }

    public Optional<LoadSummary> loadOfJobInstance(long jobInstanceId) {
        return jdbc.query(SUMMARY + " where l.job_instance_id = ?", SUMMARY_MAPPER, jobInstanceId).stream().findFirst();
    }

    public Optional<LoadSummary> load(long loadId) {
        return jdbc.query(SUMMARY + " where l.load_id = ?", SUMMARY_MAPPER, loadId).stream().findFirst();
    }

    public long startLoad(long sourceFileId, String jobName, long jobInstanceId, long jobExecutionId, int attempt) {
        return jdbc.queryForObject("""
                insert into etl.load (source_file_id, job_name, job_instance_id, job_execution_id, status, attempt)
                values (?, ?, ?, ?, 'STARTED', ?)
                on conflict (job_instance_id) do update
                    set job_execution_id = excluded.job_execution_id, status = 'STARTED', message = null,
                        finished_at = null
                returning load_id""", Long.class, sourceFileId, jobName, jobInstanceId, jobExecutionId, attempt);
    }

    /**
     * Closes a load as COMPLETED: rows_read = rows_loaded + rows_rejected + rows_ignored (a row is rejected when any
     * of its cells is), the facts it merged and the facts of earlier loads it replaced.
     */
    public void finish(long loadId, long rowsRead, long factsMerged) {
        jdbc.update("""
                with counts as (
                    select
                        (select count(distinct (coalesce(sheet, ''), row_number)) from etl.reject
                         where load_id = ?) as rejected,
                        (select count(distinct (coalesce(sheet, ''), row_number)) from etl.ignored_row
                         where load_id = ?) as ignored,
                        (select coalesce(sum(facts), 0) from etl.superseded where by_load_id = ?) as superseded
                )
                update etl.load
                set status = 'COMPLETED', rows_read = ?, rows_rejected = c.rejected, rows_ignored = c.ignored,
                    rows_loaded = greatest(0, ? - c.rejected - c.ignored), facts_merged = ?,
                    facts_superseded = c.superseded, message = null, finished_at = now()
                from counts as c
                where load_id = ?""", loadId, loadId, loadId, rowsRead, rowsRead, factsMerged, loadId);
    }

    public void markEnded(long jobInstanceId, String status, String message) {
        jdbc.update("update etl.load set status = ?, message = ?, finished_at = now() where job_instance_id = ? and status <> 'COMPLETED'",
                status, message, jobInstanceId);
    }

    public void writeRejects(LoadContext load, List<RejectRow> rejects) {
        if (rejects.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into etl.reject (load_id, source_file_id, file_name, sheet, row_number, column_name, raw_text, reason)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", rejects, 500, (ps, r) -> {
            ps.setLong(1, load.loadId());
            ps.setLong(2, load.sourceFileId());
            ps.setString(3, load.fileName());
            ps.setString(4, r.sheet());
            ps.setLong(5, r.rowNumber());
            ps.setString(6, r.columnName());
            ps.setString(7, r.rawText());
            ps.setString(8, r.reason());
        });
    }

    /** Rows a layout ignores on purpose, with the rule's reason (the column name is not kept). */
    public void writeIgnored(LoadContext load, List<RejectRow> ignored) {
        if (ignored.isEmpty()) {
            return;
        }
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

    /** Rows with a reject; row 0 names a column refused alone (its values not loaded), not a row. */
    public long rejectedRows(long loadId) {
        return jdbc.queryForObject("select count(distinct (coalesce(sheet, ''), row_number)) from etl.reject where load_id = ? and row_number <> 0",
                Long.class, loadId);
    }

    public List<RejectRow> rejects(long loadId) {
        return jdbc.query("""
                select sheet, row_number, column_name, raw_text, reason from etl.reject
                where load_id = ? order by row_number, column_name nulls first""",
                (rs, i) -> new RejectRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                loadId);
    }
}
