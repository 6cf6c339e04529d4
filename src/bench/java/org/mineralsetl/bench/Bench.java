package org.mineralsetl.bench;

import org.mineralsetl.EtlApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code jobs/etl bench trade|xlsx|indicators} ({@code ./mvnw -q -Pbench test-compile exec:exec -Dbench.args=...}):
 * speed measurements on this machine, each against its baseline measured in the same run. Not tests: they print
 * figures. They run against the warehouse jobs/etl uses (the embedded one unless WAREHOUSE_URL is set) and remove
 * the facts they load.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures load speed against a baseline measured in the same run.",
        subcommands = {TradeBench.class, XlsxBench.class, IndicatorsBench.class, RemoteBench.class})
public class Bench implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to measure: trade, xlsx or indicators");
    }

    public static void main(String[] args) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(EtlApplication.class)
                .properties("etl.cli.enabled=false", "logging.level.org.mineralsetl=WARN")
                .run();
        int exit;
        try {
            exit = new CommandLine(Bench.class, new CommandLine.IFactory() {
                @Override
                public <K> K create(Class<K> cls) throws Exception {
                    return context.getAutowireCapableBeanFactory().createBean(cls);
                }
            }).execute(args);
        } finally {
            SpringApplication.exit(context);
        }
        System.exit(exit);
    }
}
