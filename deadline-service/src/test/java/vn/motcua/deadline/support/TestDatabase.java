package vn.motcua.deadline.support;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import org.flywaydb.core.Flyway;
import vn.motcua.testkit.TestBed;

import java.sql.SQLException;

/** A pooled data source on the bed's own database, migrated by the service's Flyway scripts. */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static AgroalDataSource migrated(TestBed bed, int poolSize) {
        try {
            AgroalDataSource dataSource = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(pool -> pool.maxSize(poolSize)
                            .connectionFactoryConfiguration(factory -> factory.jdbcUrl(bed.jdbcUrl())
                                    .principal(new NamePrincipal(bed.postgres().username()))
                                    .credential(new SimplePassword(bed.postgres().password())))));
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            return dataSource;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
