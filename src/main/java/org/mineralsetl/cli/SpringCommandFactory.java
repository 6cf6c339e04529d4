package org.mineralsetl.cli;

import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import picocli.CommandLine;

/** Lets picocli create commands as Spring beans, so subcommands get the warehouse injected. */
@Component
class SpringCommandFactory implements CommandLine.IFactory {

    private final ApplicationContext context;

    SpringCommandFactory(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        try {
            return context.getAutowireCapableBeanFactory().createBean(cls);
        } catch (Exception e) {
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
