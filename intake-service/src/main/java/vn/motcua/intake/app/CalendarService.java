package vn.motcua.intake.app;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import vn.motcua.calendar.DeadlineCalculator;
import vn.motcua.calendar.OfficeHours;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.calendar.WorkCalendar;
import vn.motcua.calendar.YearSchedule;
import vn.motcua.intake.store.CalendarDay;

import java.util.List;

/**
 * The deadline calculator in force: the Vietnamese calendar with the shipped schedules, overlaid with the years an
 * administrator entered. It is immutable and swapped whole when a year changes, so requests never see half of one.
 */
@Startup
@ApplicationScoped
public class CalendarService {

    private volatile DeadlineCalculator calculator;

    @PostConstruct
    void load() {
        reload();
    }

    public DeadlineCalculator calculator() {
        return calculator;
    }

    /** Stores a year's schedule in place of the one before, and puts it in force once that has committed. */
    public void replace(YearSchedule schedule) {
        QuarkusTransaction.requiringNew().run(() -> CalendarDay.replace(schedule));
        reload();
    }

    private void reload() {
        List<YearSchedule> stored = QuarkusTransaction.requiringNew().call(CalendarDay::schedules);
        WorkCalendar calendar = WorkCalendar.vietnam();
        for (YearSchedule schedule : stored) {
            calendar = calendar.withSchedule(schedule);
        }
        calculator = new DeadlineCalculator(calendar, OfficeHours.standard(), VietnamTime.ZONE);
    }
}
