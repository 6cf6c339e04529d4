package org.mineralsetl.cli;

import org.mineralsetl.database.WarehouseServer;
import org.springframework.beans.factory.annotation.Value;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code jobs/etl serve}: keeps the embedded warehouse up on a local port and prints how to connect
 * (psql, JDBC for a BI tool) until stopped with Ctrl-C or SIGTERM. Pin the port with WAREHOUSE_EMBEDDED_PORT.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Keeps the embedded warehouse up on a local port and prints the connection strings until stopped.")
class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final WarehouseServer server;
    private final String readerPassword;

    ServeCommand(WarehouseServer server, @Value("${spring.flyway.placeholders.reader_password:reader}") String readerPassword) {
        this.server = server;
        this.readerPassword = readerPassword;
    }

    static String hostPort(String jdbcUrl) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        return uri.getHost() + ":" + uri.getPort() + uri.getPath();
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (!server.isEmbedded()) {
            out.println("the warehouse is not embedded (WAREHOUSE_URL=" + server.jdbcUrl() + "); connect to it directly");
            return EtlCommand.OK;
        }
        String where = hostPort(server.jdbcUrl());
        out.println("embedded warehouse up; connect while this runs (Ctrl-C or SIGTERM stops it):");
        out.println("  read-only:  psql postgresql://warehouse_reader:" + readerPassword + "@" + where);
        out.println("  owner:      psql postgresql://postgres@" + where);
        out.println("  JDBC:       jdbc:postgresql://" + where + "  (user warehouse_reader)");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
        stopped.await();
        return EtlCommand.OK;
    }
}
