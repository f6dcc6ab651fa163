//! Named tests for the calendar rules CAL-1 … CAL-8, and properties of the
//! working-day arithmetic (native only: proptest).

// Under wasm32 the same tests run through wasm-bindgen-test (Node).
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use chrono::{Datelike, NaiveDate, Weekday};
use frist_domain::calendar::{
    self, CalendarError, Holiday, MAX_DATE, MIN_DATE, add_working_days, holidays, is_working_day,
    working_days_between,
};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn cal_1_twelve_holidays_every_year_in_range() {
    for year in calendar::MIN_YEAR..=calendar::MAX_YEAR {
        let h = holidays(year).unwrap();
        assert!(
            h.windows(2).all(|w| w[0].date <= w[1].date),
            "{year} not sorted"
        );
        assert!(h.iter().all(|x| x.date.year() == year));
        // Easter-bound holidays keep their distances to Easter Sunday.
        let easter = Holiday::EasterSunday.date(year).unwrap();
        assert_eq!(easter.weekday(), Weekday::Sun, "{year}");
        assert_eq!(
            Holiday::GoodFriday.date(year).unwrap().weekday(),
            Weekday::Fri
        );
        assert_eq!(
            Holiday::AscensionDay.date(year).unwrap().weekday(),
            Weekday::Thu
        );
        assert_eq!(
            Holiday::WhitMonday.date(year).unwrap().weekday(),
            Weekday::Mon
        );
    }
}

#[test]
fn cal_1_easter_earliest_and_latest_dates() {
    assert_eq!(calendar::easter_sunday(1818), Some(d("1818-03-22")));
    assert_eq!(calendar::easter_sunday(2285), Some(d("2285-03-22")));
    assert_eq!(calendar::easter_sunday(1943), Some(d("1943-04-25")));
    assert_eq!(calendar::easter_sunday(2038), Some(d("2038-04-25")));
    // Inside 1947–2199 Easter is never on 22 March; it is on 23 March in 2008 and 2160.
    let earliest = (calendar::MIN_YEAR..=calendar::MAX_YEAR)
        .map(|y| Holiday::EasterSunday.date(y).unwrap())
        .min_by_key(|e| (e.month(), e.day()))
        .unwrap();
    assert_eq!((earliest.month(), earliest.day()), (3, 23));
}

#[test]
fn cal_1_constitution_day_on_whit_sunday_carries_two_names() {
    let on: Vec<Holiday> = calendar::holidays_on(d("1970-05-17")).unwrap().collect();
    assert_eq!(on, vec![Holiday::ConstitutionDay, Holiday::WhitSunday]);
    // The year still lists twelve holidays, two of them on one date.
    let h = holidays(1970).unwrap();
    assert_eq!(h.iter().filter(|x| x.date == d("1970-05-17")).count(), 2);
}

#[test]
fn cal_1_labour_day_on_ascension_day_carries_two_names() {
    let on: Vec<Holiday> = calendar::holidays_on(d("2008-05-01")).unwrap().collect();
    assert_eq!(on, vec![Holiday::LabourDay, Holiday::AscensionDay]);
}

#[test]
fn cal_1_christmas_eve_and_new_years_eve_are_not_holidays() {
    assert!(!calendar::is_holiday(d("2024-12-24")).unwrap());
    assert!(!calendar::is_holiday(d("2024-12-31")).unwrap());
    assert!(is_working_day(d("2024-12-24")).unwrap());
}

#[test]
fn cal_1_dates_outside_1947_to_2199_are_refused() {
    assert_eq!(
        is_working_day(d("1946-12-31")),
        Err(CalendarError::OutOfRange(d("1946-12-31")))
    );
    assert!(matches!(
        is_working_day(d("2200-01-01")),
        Err(CalendarError::OutOfRange(_))
    ));
    assert!(holidays(1946).is_err());
    assert!(holidays(2200).is_err());
    assert!(is_working_day(MIN_DATE).is_ok());
    assert!(is_working_day(MAX_DATE).is_ok());
}

#[test]
fn cal_2_holiday_on_a_weekend_costs_no_working_day() {
    // 17 May 2025 is a Saturday: the week has five working days.
    assert_eq!(
        working_days_between(d("2025-05-11"), d("2025-05-18")).unwrap(),
        5
    );
    // 17 May 2024 is a Friday: that week has four (and 20 May is Whit Monday).
    assert_eq!(
        working_days_between(d("2024-05-12"), d("2024-05-19")).unwrap(),
        4
    );
}

#[test]
fn cal_2_saturday_is_not_a_working_day() {
    assert!(!is_working_day(d("2026-11-28")).unwrap());
    assert!(!is_working_day(d("2026-11-29")).unwrap());
}

#[test]
fn cal_3_start_day_never_counts() {
    assert_eq!(
        add_working_days(d("2026-11-23"), 1).unwrap(),
        d("2026-11-24")
    );
    assert_eq!(
        add_working_days(d("2026-11-23"), 0).unwrap(),
        d("2026-11-23")
    );
}

#[test]
fn cal_3_adding_across_new_year() {
    // 31 Dec 2024 (Tue) + 1 → Thu 2 Jan 2025 (1 Jan is a holiday).
    assert_eq!(
        add_working_days(d("2024-12-31"), 1).unwrap(),
        d("2025-01-02")
    );
    // Fri 20 Dec + 5 → 23, 24, 27, 30, 31 December.
    assert_eq!(
        add_working_days(d("2024-12-20"), 5).unwrap(),
        d("2024-12-31")
    );
}

#[test]
fn cal_3_adding_across_easter() {
    // Wed 27 Mar 2024 + 1 skips Maundy Thursday, Good Friday, the weekend and Easter Monday.
    assert_eq!(
        add_working_days(d("2024-03-27"), 1).unwrap(),
        d("2024-04-02")
    );
    // 10 working days after Wed 5 Apr 2023 (Easter 9 Apr).
    assert_eq!(
        add_working_days(d("2023-04-05"), 10).unwrap(),
        d("2023-04-24")
    );
}

#[test]
fn cal_3_large_n_is_exact() {
    // 200 years of working days, counted back.
    let end = add_working_days(MIN_DATE, 50_000).unwrap();
    assert_eq!(working_days_between(MIN_DATE, end).unwrap(), 50_000);
    assert!(is_working_day(end).unwrap());
    assert!(matches!(
        add_working_days(MIN_DATE, 70_000),
        Err(CalendarError::OutOfRange(_))
    ));
}

#[test]
fn cal_4_calendar_days_do_not_skip_holidays() {
    assert_eq!(
        calendar::add_days(d("2024-03-27"), 3).unwrap(),
        d("2024-03-30")
    );
}

#[test]
fn cal_5_oslo_date_across_midnight_and_dst() {
    let at = |s: &str| s.parse::<chrono::DateTime<chrono::Utc>>().unwrap();
    assert_eq!(
        calendar::oslo_date(at("2024-12-31T23:30:00Z")),
        d("2025-01-01")
    );
    assert_eq!(
        calendar::oslo_date(at("2024-12-31T22:59:59Z")),
        d("2024-12-31")
    );
    assert_eq!(
        calendar::oslo_date(at("2025-06-30T22:00:00Z")),
        d("2025-07-01")
    );
    assert_eq!(
        calendar::oslo_date_from_millis(1_735_687_800_000),
        Some(d("2025-01-01"))
    );
}

#[test]
fn cal_6_month_boundary() {
    assert_eq!(
        calendar::last_day_of_month(d("2024-02-10")).unwrap(),
        d("2024-02-29")
    );
    assert_eq!(
        calendar::first_of_next_month(d("2023-12-05")).unwrap(),
        d("2024-01-01")
    );
}

#[test]
fn cal_7_roll_forward_off_weekends_and_holidays() {
    assert_eq!(
        calendar::roll_forward(d("2025-05-17")).unwrap(),
        d("2025-05-19")
    );
    assert_eq!(
        calendar::roll_forward(d("2024-03-28")).unwrap(),
        d("2024-04-02")
    );
    assert_eq!(
        calendar::roll_forward(d("2026-11-23")).unwrap(),
        d("2026-11-23")
    );
}

#[test]
fn cal_8_month_end_clamps() {
    assert_eq!(
        calendar::add_months(d("2022-08-31"), 6).unwrap(),
        d("2023-02-28")
    );
    assert_eq!(
        calendar::add_months(d("2023-08-31"), 6).unwrap(),
        d("2024-02-29")
    );
    assert_eq!(
        calendar::sub_months(d("2023-05-31"), 1).unwrap(),
        d("2023-04-30")
    );
    assert_eq!(
        calendar::add_years(d("2024-02-29"), 3).unwrap(),
        d("2027-02-28")
    );
}

#[test]
fn dates_are_written_dd_mm_yyyy() {
    assert_eq!(calendar::format_nb(d("2023-04-30")), "30.04.2023");
    assert_eq!(calendar::parse_date("30.04.2023"), Some(d("2023-04-30")));
    assert_eq!(calendar::parse_date("1.5.2023"), Some(d("2023-05-01")));
    assert_eq!(calendar::parse_date("2023-04-30"), Some(d("2023-04-30")));
    assert_eq!(calendar::parse_date("31.04.2023"), None);
    assert_eq!(calendar::parse_date("30.04.23"), None);
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        // 1947-01-01 ..= about 2176, leaving room to add 3,000 working days.
        (0i64..84_000).prop_map(|n| MIN_DATE + chrono::TimeDelta::days(n))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        /// CAL-3: N ≥ 1 working days after any date is a working day.
        #[test]
        fn cal_3_lands_on_a_working_day(start in any_date(), n in 1u32..3_000) {
            let end = add_working_days(start, n).unwrap();
            prop_assert!(is_working_day(end).unwrap());
            prop_assert!(end > start);
        }

        /// CAL-3: adding is strictly monotonic in N.
        #[test]
        fn cal_3_monotonic_in_n(start in any_date(), n in 0u32..3_000) {
            prop_assert!(add_working_days(start, n).unwrap() < add_working_days(start, n + 1).unwrap());
        }

        /// CAL-3: counting back gives N.
        #[test]
        fn cal_3_inverts_working_days_between(start in any_date(), n in 0u32..3_000) {
            let end = add_working_days(start, n).unwrap();
            prop_assert_eq!(working_days_between(start, end).unwrap(), i64::from(n));
        }

        /// CAL-3: it agrees with the obvious day-by-day walk.
        #[test]
        fn cal_3_agrees_with_a_day_by_day_walk(start in any_date(), n in 0u32..60) {
            let mut day = start;
            let mut left = n;
            while left > 0 {
                day = day.succ_opt().unwrap();
                if is_working_day(day).unwrap() {
                    left -= 1;
                }
            }
            prop_assert_eq!(add_working_days(start, n).unwrap(), day);
        }

        /// CAL-7: roll-forward lands on a working day within 5 days and is idempotent.
        #[test]
        fn cal_7_roll_forward_is_idempotent(start in any_date()) {
            let r = calendar::roll_forward(start).unwrap();
            prop_assert!(is_working_day(r).unwrap());
            prop_assert!((r - start).num_days() <= 5);
            prop_assert_eq!(calendar::roll_forward(r).unwrap(), r);
        }
    }
}
