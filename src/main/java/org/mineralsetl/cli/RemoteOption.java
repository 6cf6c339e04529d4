package org.mineralsetl.cli;

import org.mineralsetl.remote.RemoteImports;
import org.mineralsetl.warehouse.ImportKind;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --remote}: the loads hand their partitions to workers ({@code jobs/etl worker}) through RabbitMQ. */
class RemoteOption {

    @Option(names = "--remote",
            description = "hand the partitions to workers (jobs/etl worker) through RabbitMQ (RABBITMQ_URL); needs"
                    + " WAREHOUSE_URL, a warehouse every worker reaches, and the files at the same path on every worker")
    boolean remote;

    private final RemoteImports imports;

    RemoteOption(RemoteImports imports) {
        this.imports = imports;
    }

    /** The kind to launch: {@code local} itself, or with --remote the one whose partitions go to the workers. */
    ImportKind kind(ImportKind local, CommandLine.Model.CommandSpec spec) {
        if (!remote) {
            return local;
        }
        try {
            return imports.manager(local);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
