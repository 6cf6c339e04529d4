package org.mineralsetl.cli;

import com.opencsv.CSVWriter;
import com.opencsv.ResultSetHelperService;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.sql.ResultSet;
import java.util.concurrent.Callable;

/**
 * {@code jobs/etl query "<sql>"}: runs exactly one statement and prints its result as CSV with a header line. The
 * statement runs in a read-only transaction unless {@code --write} is given (for the documented edits of reference
 * data, such as the members of the allied bloc); several statements separated by semicolons are refused.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Runs one SQL statement against the warehouse and prints the result as CSV with a header line.",
                "Read-only unless --write; one statement only (exit 2 for several)."})
class QueryCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SQL")
    String sql;

    @CommandLine.Option(names = "--write", description = "allow the statement to change data (default: read-only)")
    boolean write;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final JdbcTemplate jdbc;

    QueryCommand(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Integer call() {
        if (SqlStatements.count(sql) != 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give exactly one SQL statement (found "
                    + SqlStatements.count(sql) + "); run several with separate query commands or with jobs/etl psql");
        }
        try {
            jdbc.execute((java.sql.Connection c) -> {
                boolean autoCommit = c.getAutoCommit();
                c.setAutoCommit(false);
                c.setReadOnly(!write);
                try (var st = c.createStatement()) {
                    if (!write) {
                        st.execute("set transaction read only");
                    }
                    boolean hasResult = st.execute(sql);
                    if (!hasResult) {
                        spec.commandLine().getErr().println(st.getUpdateCount() + " rows affected");
                        c.commit();
                        return null;
                    }
                    try (ResultSet rs = st.getResultSet()) {
                        CSVWriter csv = new CSVWriter(spec.commandLine().getOut(), ',', CSVWriter.DEFAULT_QUOTE_CHARACTER,
                                CSVWriter.DEFAULT_ESCAPE_CHARACTER, "\n");
                        ResultSetHelperService iso = new ResultSetHelperService();
                        iso.setDateFormat("yyyy-MM-dd");
                        iso.setDateTimeFormat("yyyy-MM-dd HH:mm:ss");
                        csv.setResultService(iso);
                        csv.writeAll(rs, true, false, false);
                        csv.flush();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    c.commit();
                } catch (java.sql.SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setReadOnly(false);
                    c.setAutoCommit(autoCommit);
                }
                return null;
            });
            return EtlCommand.OK;
        } catch (DataAccessException e) {
            Throwable root = e.getMostSpecificCause();
            spec.commandLine().getErr().println("error: " + root.getMessage());
            return EtlCommand.FAILED;
        }
    }
}
