package org.mineralsetl.cli;

import org.mineralsetl.database.WarehouseServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.util.concurrent.Callable;

/** {@code jobs/etl psql}: opens psql on the warehouse (embedded or WAREHOUSE_URL) when psql is installed. */
@Command(name = "psql", mixinStandardHelpOptions = true, description = "Opens psql on the warehouse, when psql is installed.")
class PsqlCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final WarehouseServer server;

    PsqlCommand(WarehouseServer server) {
        this.server = server;
    }

    @Override
    public Integer call() throws InterruptedException {
        String url = "postgresql://" + (server.user() == null ? "" : server.user() + "@") + ServeCommand.hostPort(server.jdbcUrl());
        ProcessBuilder pb = new ProcessBuilder("psql", url).inheritIO();
        if (server.password() != null && !server.password().isEmpty()) {
            pb.environment().put("PGPASSWORD", server.password());
        }
        try {
            return pb.start().waitFor() == 0 ? EtlCommand.OK : EtlCommand.FAILED;
        } catch (IOException e) {
            spec.commandLine().getErr().println("error: psql is not installed (or not on PATH); connect with: psql " + url);
            return EtlCommand.FAILED;
        }
    }
}
