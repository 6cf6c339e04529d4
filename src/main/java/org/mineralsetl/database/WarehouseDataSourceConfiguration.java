package org.mineralsetl.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/** The warehouse connection: WAREHOUSE_URL when set, else the embedded PostgreSQL. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WarehouseProperties.class)
class WarehouseDataSourceConfiguration {

    @Bean(destroyMethod = "close")
    WarehouseServer warehouseServer(WarehouseProperties properties, @Value("${warehouse.embedded-port:0}") int port) {
        if (!properties.embedded()) {
            return new WarehouseServer(properties.url(), properties.user(), properties.password(), null);
        }
        EmbeddedWarehouse embedded = EmbeddedWarehouse.start(Path.of(properties.dataDir()).toAbsolutePath(), port);
        return new WarehouseServer(embedded.jdbcUrl(), "postgres", null, embedded);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(WarehouseServer server) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(server.jdbcUrl());
        ds.setUsername(server.user());
        ds.setPassword(server.password());
        ds.setMaximumPoolSize(8);
        ds.setPoolName("warehouse");
        return ds;
    }
}
