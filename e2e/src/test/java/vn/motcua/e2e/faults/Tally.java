package vn.motcua.e2e.faults;

/** A count the checks add to as they find lost or twice-counted items. */
final class Tally {

    private int value;

    void add() {
        value++;
    }

    void add(long n) {
        value += (int) n;
    }

    int value() {
        return value;
    }
}
