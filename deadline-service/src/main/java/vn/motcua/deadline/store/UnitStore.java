package vn.motcua.deadline.store;

import jakarta.inject.Singleton;
import vn.motcua.deadline.domain.Unit;
import vn.motcua.events.UnitData;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code units} table: each unit as the catalogue topic last said it, with the catalogue's version. Plain JDBC
 * like {@link DeadlineStore}, one statement each, no transaction.
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

    /**
     * Inserts or replaces the unit, only if its version is above the stored one: a duplicate, a replay or an older
     * state changes nothing, whatever instance reads it. Answers whether the row changed.
     */
    public boolean save(UnitData unit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(
                     "insert into units (code, name, parent_code, version) values (?, ?, ?, ?) "
                             + "on conflict (code) do update set name = excluded.name, "
                             + "parent_code = excluded.parent_code, version = excluded.version "
                             + "where units.version < excluded.version")) {
            upsert.setString(1, unit.code());
            upsert.setString(2, unit.name());
            upsert.setString(3, unit.parentCode());
            upsert.setLong(4, unit.version());
            return upsert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
    }
}
