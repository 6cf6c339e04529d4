package org.mineralsetl;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** minerals-etl: critical-mineral production and trade statistics into a PostgreSQL warehouse. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EtlApplication {

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(EtlApplication.class, args)));
    }
}
