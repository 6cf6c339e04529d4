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

/** {@code jobs/etl query "<sql>"}: runs one statement and prints its result as CSV with a header line. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Runs one SQL statement against the warehouse and prints the result as CSV with a header line.")
class QueryCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SQL")
    String sql;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final JdbcTemplate jdbc;

    QueryCommand(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Integer call() {
        try {
            jdbc.execute((java.sql.Connection c) -> {
                try (var st = c.createStatement()) {
                    boolean hasResult = st.execute(sql);
                    if (!hasResult) {
                        spec.commandLine().getErr().println(st.getUpdateCount() + " rows affected");
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
