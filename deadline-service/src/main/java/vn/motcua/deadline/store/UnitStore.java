package vn.motcua.deadline.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.inject.Singleton;
import vn.motcua.deadline.domain.Unit;
import vn.motcua.events.EventCodec;
import vn.motcua.events.UnitData;
import vn.motcua.events.UnitState;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code units} table: each unit as the catalogue topic last said it, its whole history (JSON, oldest state
 * first) with the catalogue's version. Plain JDBC like {@link DeadlineStore}, one statement each, no transaction.
 */
@Singleton
public class UnitStore {

    private static final TypeReference<List<UnitState>> STATES = new TypeReference<>() {
    };

    private final DataSource dataSource;

    public UnitStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Unit> all() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select code, name, parent_code, history from units");
             ResultSet rows = select.executeQuery()) {
            List<Unit> units = new ArrayList<>();
            while (rows.next()) {
                String history = rows.getString("history");
                units.add(history == null
                        ? new Unit(rows.getString("code"), List.of( // a row of an older build
                                UnitState.open(null, rows.getString("name"), rows.getString("parent_code"))))
                        : new Unit(rows.getString("code"), EventCodec.mapper().readValue(history, STATES)));
            }
            return units;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("units.history unreadable: " + e.getMessage(), e);
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
                     "insert into units (code, name, parent_code, version, history) values (?, ?, ?, ?, ?::jsonb) "
                             + "on conflict (code) do update set name = excluded.name, "
                             + "parent_code = excluded.parent_code, version = excluded.version, "
                             + "history = excluded.history where units.version < excluded.version")) {
            upsert.setString(1, unit.code());
            upsert.setString(2, unit.name());
            upsert.setString(3, unit.parentCode());
            upsert.setLong(4, unit.version());
            // states(): an event without a history is stored as its one since-always state
            upsert.setString(5, EventCodec.mapper().writeValueAsString(unit.states()));
            return upsert.executeUpdate() == 1;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unit " + unit.code() + ": history not writable", e);
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
    }
}
