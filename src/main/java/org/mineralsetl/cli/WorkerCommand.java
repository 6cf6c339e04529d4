package org.mineralsetl.cli;

import org.mineralsetl.remote.RemoteWorker;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * {@code jobs/etl worker}: runs the partitions that {@code import --remote} and {@code run-all --remote} hand out
 * through RabbitMQ, until stopped.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Takes partitions from RabbitMQ (RABBITMQ_URL, default amqp://guest:guest@127.0.0.1:5672) and"
                + " runs them against the warehouse (WAREHOUSE_URL), until stopped (Ctrl-C, SIGTERM).",
                "Start one or more per host; the input files must be at the same path as on the manager."})
class WorkerCommand implements Callable<Integer> {

    @Option(names = "--consumers", defaultValue = "1",
            description = "partitions run at once by this worker (1-4, default ${DEFAULT-VALUE})")
    int consumers;

    @Option(names = "--max-partitions", defaultValue = "0",
            description = "stop after running this many partitions (0, the default: run until stopped)")
    long maxPartitions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final RemoteWorker worker;

    WorkerCommand(RemoteWorker worker) {
        this.worker = worker;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (consumers < 1 || consumers > 4) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--consumers must be 1 to 4 (each partition holds two of the 8 pooled connections)");
        }
        try {
            long ran = worker.run(consumers, maxPartitions, spec.commandLine().getOut());
            spec.commandLine().getOut().printf("worker: stopped after %d partitions%n", ran);
            return EtlCommand.OK;
        } catch (IllegalStateException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return EtlCommand.FAILED;
        }
    }
}
