// SPDX-License-Identifier: EUPL-1.2
//! Calendar arithmetic on day numbers (days since 1970-01-01), used in the
//! generator's hot path instead of [`jiff::civil::Date`] arithmetic: integer
//! only, so fast and identical on every platform. Conversions follow Howard
//! Hinnant's `days_from_civil` / `civil_from_days` (proleptic Gregorian).

use jiff::civil::Date;

/// A day number: days since 1970-01-01 (negative before).
pub(crate) type Dag = i32;

/// The day number of `y-m-d` (`m` 1–12, `d` 1–31).
pub(crate) fn dag(y: i32, m: u32, d: u32) -> Dag {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `(year, month, day)` of a day number.
pub(crate) fn civiel(z: Dag) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

pub(crate) fn is_schrikkeljaar(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub(crate) fn dagen_in_maand(y: i32, m: u32) -> u32 {
    match m {
        2 if is_schrikkeljaar(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The last day of the month that `z` lies in.
pub(crate) fn maandeinde(z: Dag) -> Dag {
    let (y, m, d) = civiel(z);
    z + (dagen_in_maand(y, m) - d) as i32
}

/// `n` months after `y-m-d`, clamped to the month's end (31 Jan + 1 = 28/29 Feb).
pub(crate) fn plus_maanden(y: i32, m: u32, d: u32, n: i32) -> Dag {
    let idx = y * 12 + (m as i32 - 1) + n;
    let (ny, nm) = (idx.div_euclid(12), idx.rem_euclid(12) as u32 + 1);
    dag(ny, nm, d.min(dagen_in_maand(ny, nm)))
}

pub(crate) fn naar_date(z: Dag) -> Date {
    let (y, m, d) = civiel(z);
    jiff::civil::date(y as i16, m as i8, d as i8)
}

pub(crate) fn van_date(d: Date) -> Dag {
    dag(i32::from(d.year()), d.month() as u32, d.day() as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip_and_agree_with_jiff() {
        assert_eq!(dag(1970, 1, 1), 0);
        let start = jiff::civil::date(1940, 1, 1);
        let mut d = start;
        for _ in 0..40_000 {
            let z = van_date(d);
            assert_eq!(naar_date(z), d);
            assert_eq!(z - van_date(start), (d - start).get_days());
            d = d.tomorrow().unwrap();
        }
    }

    #[test]
    fn adding_months_clamps_to_the_months_end() {
        assert_eq!(naar_date(plus_maanden(2023, 1, 31, 1)), jiff::civil::date(2023, 2, 28));
        assert_eq!(naar_date(plus_maanden(2024, 1, 31, 1)), jiff::civil::date(2024, 2, 29));
        assert_eq!(naar_date(plus_maanden(2024, 2, 29, 12)), jiff::civil::date(2025, 2, 28));
        assert_eq!(naar_date(plus_maanden(2024, 3, 15, -3)), jiff::civil::date(2023, 12, 15));
        assert_eq!(naar_date(maandeinde(dag(2024, 2, 3))), jiff::civil::date(2024, 2, 29));
    }
}
