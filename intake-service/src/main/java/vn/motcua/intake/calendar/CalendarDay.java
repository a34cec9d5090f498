package vn.motcua.intake.calendar;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** One day of a year's official schedule, as an administrator entered it. */
@Entity
@Table(name = "calendar_day")
public class CalendarDay extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;


    public static final String CLOSED = "CLOSED";
    public static final String WORKING_SATURDAY = "WORKING_SATURDAY";

    @Column(nullable = false)
    public int year;

    @Column(nullable = false)
    public LocalDate day;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String name = "";
}
