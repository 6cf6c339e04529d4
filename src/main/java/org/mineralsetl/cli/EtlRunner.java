package org.mineralsetl.cli;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;
import picocli.CommandLine;

/** Runs the command line given to the process and hands its exit code to Spring Boot. */
@Component
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
