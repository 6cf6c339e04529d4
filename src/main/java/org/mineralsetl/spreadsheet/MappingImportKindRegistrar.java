package org.mineralsetl.spreadsheet;

import org.mineralsetl.warehouse.ImportKind;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.List;

/**
 * Registers one {@link ImportKind} bean per mapping file in jobs/sources, so {@code import mapping:NAME}
 * and {@code run-all} offer every shipped mapping with no code per layout.
 */
@Component
class MappingImportKindRegistrar implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        List<Path> files = LayoutMappings.files(LayoutMappings.sourcesDirectory(environment.getProperty("etl.home", ".")));
        BeanFactory beanFactory = (BeanFactory) registry;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            int order = SpreadsheetImports.FIRST_ORDER + i;
            RootBeanDefinition definition = new RootBeanDefinition(ImportKind.class,
                    () -> beanFactory.getBean(SpreadsheetImports.class).kindFor(file, order));
            registry.registerBeanDefinition("mappingImportKind:" + file.getFileName(), definition);
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // nothing beyond the definitions
    }
}
