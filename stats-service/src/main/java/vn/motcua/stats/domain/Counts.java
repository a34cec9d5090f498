package vn.motcua.stats.domain;

import java.util.EnumMap;
import java.util.Map;

/** A small mutable bag of counter values; zeros are not kept. */
public final class Counts {

    private final EnumMap<Counter, Long> values = new EnumMap<>(Counter.class);

    public static Counts of(Map<Counter, Long> values) {
        Counts counts = new Counts();
        values.forEach(counts::add);
        return counts;
    }

    public Counts add(Counter counter, long amount) {
        long sum = values.getOrDefault(counter, 0L) + amount;
        if (sum == 0) {
            values.remove(counter);
        } else {
            values.put(counter, sum);
        }
        return this;
    }

    public Counts addAll(Counts other) {
        other.values.forEach(this::add);
        return this;
    }

    public Counts subtractAll(Counts other) {
        other.values.forEach((counter, amount) -> add(counter, -amount));
        return this;
    }

    public long get(Counter counter) {
        return values.getOrDefault(counter, 0L);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public Map<Counter, Long> asMap() {
        return Map.copyOf(values);
    }

    public Counts copy() {
        return new Counts().addAll(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Counts other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
