package vn.motcua.deadline.domain;

/** Open until resolved (đã giải quyết) or withdrawn (rút hồ sơ); closed is final. */
public enum DeadlineStatus {
    OPEN,
    RESOLVED,
    WITHDRAWN;

    public boolean isClosed() {
        return this != OPEN;
    }
}
