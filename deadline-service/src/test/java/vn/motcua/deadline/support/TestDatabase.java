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
        AgroalDataSource dataSource = pool(bed, poolSize);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }

    /** The bed's database as it is, not migrated. */
    public static AgroalDataSource pool(TestBed bed, int poolSize) {
        try {
            return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(pool -> pool.maxSize(poolSize)
                            .connectionFactoryConfiguration(factory -> factory.jdbcUrl(bed.jdbcUrl())
                                    .principal(new NamePrincipal(bed.postgres().username()))
                                    .credential(new SimplePassword(bed.postgres().password())))));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
