package vn.motcua.deadline.store;

import jakarta.inject.Singleton;
import vn.motcua.deadline.domain.Unit;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code units} table, seeded by {@code V2__units_sa_dec.sql} with the hierarchy of intake-service's catalogue;
 * plain JDBC like {@link DeadlineStore}, one statement, no transaction.
 */
@Singleton
public class UnitStore {

    private final DataSource dataSource;

    public UnitStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Unit> all() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select code, parent_code from units");
             ResultSet rows = select.executeQuery()) {
            List<Unit> units = new ArrayList<>();
            while (rows.next()) {
                units.add(new Unit(rows.getString("code"), rows.getString("parent_code")));
            }
            return units;
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
    }
}
