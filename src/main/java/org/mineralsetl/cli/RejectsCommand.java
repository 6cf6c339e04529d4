package org.mineralsetl.cli;

import com.opencsv.CSVWriter;
import org.mineralsetl.support.RejectRow;
import org.mineralsetl.warehouse.JdbcLoadDao;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code jobs/etl rejects <load-id> [--csv]}: the rejected rows of a load with their reasons. */
@Command(name = "rejects", mixinStandardHelpOptions = true, description = "Lists the rejected rows of a load with their reasons.")
class RejectsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "LOAD-ID")
    long loadId;

    @Option(names = "--csv", description = "print CSV instead of a table")
    boolean csv;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final JdbcLoadDao loads;

    RejectsCommand(JdbcLoadDao loads) {
        this.loads = loads;
    }

    @Override
    public Integer call() throws Exception {
        if (loads.load(loadId).isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no load " + loadId + " (see jobs/etl status)");
        }
        List<RejectRow> rejects = loads.rejects(loadId);
        PrintWriter out = spec.commandLine().getOut();
        if (csv) {
            CSVWriter w = new CSVWriter(out, ',', CSVWriter.DEFAULT_QUOTE_CHARACTER, CSVWriter.DEFAULT_ESCAPE_CHARACTER, "\n");
            w.writeNext(new String[] {"sheet", "row_number", "column_name", "reason", "raw_text"});
            for (RejectRow r : rejects) {
                w.writeNext(new String[] {r.sheet(), String.valueOf(r.rowNumber()), r.columnName(), r.reason(), r.rawText()});
            }
            w.flush();
            return EtlCommand.OK;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RejectRow r : rejects) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("row", r.rowNumber());
            m.put("column", r.columnName());
            m.put("reason", r.reason());
            rows.add(m);
        }
        Table.print(out, List.of("row", "column", "reason"), rows);
        return EtlCommand.OK;
    }
}
