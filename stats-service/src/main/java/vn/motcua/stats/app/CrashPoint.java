package vn.motcua.stats.app;

/**
 * A test hook between two writes of the exactly-once protocol. Production uses {@link #NONE}; the crash test
 * throws from here to stop the process at that point, as a kill would.
 */
@FunctionalInterface
public interface CrashPoint {

    CrashPoint NONE = where -> {
    };

    void reached(String where);
}
