package org.mineralsetl.cli;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import picocli.CommandLine;

/**
 * Runs the command line given to the process and hands its exit code to Spring Boot. Off in tests that
 * only want the application context ({@code etl.cli.enabled=false}).
 */
@Component
@ConditionalOnProperty(name = "etl.cli.enabled", havingValue = "true", matchIfMissing = true)
class EtlRunner implements CommandLineRunner, ExitCodeGenerator {

    private final SpringCommandFactory factory;
    private int exitCode;

    EtlRunner(SpringCommandFactory factory) {
        this.factory = factory;
    }

    @Override
    public void run(String... args) {
        exitCode = EtlCommand.commandLine(factory).execute(args);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
