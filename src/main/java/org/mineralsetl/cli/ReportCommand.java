package org.mineralsetl.cli;

import org.mineralsetl.report.ReportWriter;
import org.springframework.dao.DataAccessException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code jobs/etl report --out DIR}: the analyst report (indicators.xlsx, PNG charts, index.html). */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes the analyst report into DIR: indicators.xlsx (one sheet per indicator family and the "
                + "sources with their SHA-256), PNG charts and an offline index.html.")
class ReportCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write into (created when missing).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ReportWriter writer;

    ReportCommand(ReportWriter writer) {
        this.writer = writer;
    }

    @Override
    public Integer call() {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out + " is a file, not a directory");
        }
        try {
            ReportWriter.Written w = writer.write(out);
            spec.commandLine().getOut().printf("report written to %s: %d sheets (%d rows), %d files%n",
                    w.dir(), w.sheets(), w.rows(), w.files().size());
            w.files().forEach(f -> spec.commandLine().getOut().println("  " + f.getFileName()));
            spec.commandLine().getOut().flush();
            return EtlCommand.OK;
        } catch (IOException | IllegalStateException | DataAccessException e) {
            spec.commandLine().getErr().println("error: report failed: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return EtlCommand.FAILED;
        }
    }
}
