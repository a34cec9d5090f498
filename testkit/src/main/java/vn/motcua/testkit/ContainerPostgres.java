package vn.motcua.testkit;

import vn.motcua.infra.PostgresService;
import vn.motcua.infra.Backend;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The postgres image, where a Docker engine answers. */
final class ContainerPostgres implements PostgresService {

    private final PostgreSQLContainer container;

    private ContainerPostgres(PostgreSQLContainer container) {
        this.container = container;
    }

    static ContainerPostgres start() {
        PostgreSQLContainer container = new PostgreSQLContainer(Images.POSTGRES)
                .withUsername("postgres").withPassword("postgres").withDatabaseName("postgres");
        container.start();
        return new ContainerPostgres(container);
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/" + database;
    }

    @Override
    public String username() {
        return container.getUsername();
    }

    @Override
    public String password() {
        return container.getPassword();
    }

    @Override
    public Backend backend() {
        return Backend.TESTCONTAINERS;
    }

    @Override
    public void close() {
        container.stop();
    }
}
