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
        // a load's rows and its restart point commit in one transaction: a server crash can only lose the last commits
        // together with the record that they were made, so no commit needs to wait for its WAL to reach the disk
        ds.setConnectionInitSql("set synchronous_commit = off");
        ds.setPoolName("warehouse");
        return ds;
    }
}
