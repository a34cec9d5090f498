package vn.motcua.stats.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The units the reports roll up by, from {@code units.csv} (code;name;parent). */
public final class UnitCatalogue {

    private final Map<String, Unit> units;

    public UnitCatalogue(List<Unit> units) {
        this.units = new LinkedHashMap<>();
        units.forEach(unit -> this.units.put(unit.code(), unit));
    }

    public static UnitCatalogue fromResource(String name) {
        InputStream in = UnitCatalogue.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("resource " + name + " is missing");
        }
        List<Unit> units = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(";", -1);
                units.add(new Unit(parts[0].trim(), parts[1].trim(), parts[2].isBlank() ? null : parts[2].trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new UnitCatalogue(units);
    }

    public Optional<Unit> find(String code) {
        return Optional.ofNullable(units.get(code));
    }

    public String nameOf(String code) {
        return find(code).map(Unit::name).orElse(code);
    }

    /** The unit and every unit below it, in catalogue order. */
    public List<String> withDescendants(String code) {
        List<String> result = new ArrayList<>();
        result.add(code);
        for (int i = 0; i < result.size(); i++) {
            String parent = result.get(i);
            units.values().stream().filter(u -> parent.equals(u.parentCode())).map(Unit::code).forEach(result::add);
        }
        return result;
    }

    /** Catalogue order first, codes unknown to it after, alphabetically. */
    public List<String> ordered(java.util.Collection<String> codes) {
        List<String> result = new ArrayList<>();
        units.keySet().stream().filter(codes::contains).forEach(result::add);
        codes.stream().filter(code -> !units.containsKey(code)).sorted().forEach(result::add);
        return result;
    }
}
