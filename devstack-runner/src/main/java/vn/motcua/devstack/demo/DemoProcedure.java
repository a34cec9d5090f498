package vn.motcua.devstack.demo;

import java.util.List;

/**
 * The procedures intake-service ships (V2__sa_dec_catalogue.sql) as the demo uses them: how long they take, which
 * online levels they offer, and whether the city or a ward handles them. Weights give the demo's realistic mix.
 */
enum DemoProcedure {
    BIRTH("1.001193", 0, List.of(3, 4), false, 30, 8),
    MARRIAGE("1.000894", 0, List.of(3), false, 8, 7),
    MARITAL_STATUS("1.004873", 3, List.of(3, 4), false, 22, 5),
    CERTIFIED_COPY("2.000815", 0, List.of(), false, 0, 35),
    SIGNATURE("2.000884", 0, List.of(), false, 0, 20),
    HOUSEHOLD_BUSINESS("2.000720", 3, List.of(3, 4), true, 15, 6),
    BUILDING_PERMIT("1.009994", 15, List.of(3, 4), true, 8, 7),
    LAND_CHANGE("1.004227", 10, List.of(3), true, 10, 9),
    SOCIAL_SUPPORT("1.001776", 7, List.of(3, 4), false, 7, 3);

    final String code;
    /** Working days; 0 for same-day procedures and for the one counted in working hours (SIGNATURE, 4 h). */
    final int workingDays;
    final List<Integer> onlineLevels;
    final boolean cityLevel;
    final int onlineWeight;
    final int offlineWeight;

    DemoProcedure(String code, int workingDays, List<Integer> onlineLevels, boolean cityLevel,
                  int onlineWeight, int offlineWeight) {
        this.code = code;
        this.workingDays = workingDays;
        this.onlineLevels = onlineLevels;
        this.cityLevel = cityLevel;
        this.onlineWeight = onlineWeight;
        this.offlineWeight = offlineWeight;
    }

    /** Long enough that a supplement request the next working day is surely before the due time. */
    boolean allowsSupplement() {
        return workingDays >= 3;
    }
}
