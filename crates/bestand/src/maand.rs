// SPDX-License-Identifier: EUPL-1.2
//! Months and periods: [`Maand`] (`2023-01`), [`Per`] (month, quarter,
//! year) and the small calendar arithmetic the engine needs on plain
//! integers (month index, day number, last day of a month), so the hot
//! path never builds a `jiff` date.

use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A calendar month, e.g. `2023-01`. Ordered by year, then month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Maand {
    pub jaar: i16,
    /// 1–12.
    pub maand: i8,
}

impl Maand {
    /// The month `jaar-maand`; `None` when `maand` is not 1–12 or the year is outside 1000–9999.
    pub fn new(jaar: i16, maand: i8) -> Option<Maand> {
        ((1..=12).contains(&maand) && (1000..=9999).contains(&jaar)).then_some(Maand { jaar, maand })
    }

    /// The last day of the month: the day every series point is measured on.
    pub fn last_day(self) -> Date {
        Date::new(self.jaar, self.maand, dagen_in_maand(i32::from(self.jaar), self.maand as u8) as i8)
            .expect("a valid month has a last day")
    }

    /// The first day of the month.
    pub fn first_day(self) -> Date {
        Date::new(self.jaar, self.maand, 1).expect("a valid month has a first day")
    }

    /// Months since year 0: `jaar · 12 + maand − 1` (consecutive months differ by one).
    pub fn index(self) -> i32 {
        maandindex(i32::from(self.jaar), self.maand as u8)
    }

    /// The month with [`Maand::index`] `i`.
    pub(crate) fn uit_index(i: i32) -> Maand {
        Maand { jaar: i.div_euclid(12) as i16, maand: (i.rem_euclid(12) + 1) as i8 }
    }

    /// The month of a date.
    pub fn van_datum(d: Date) -> Maand {
        Maand { jaar: d.year(), maand: d.month() }
    }
}

impl FromStr for Maand {
    type Err = String;
    /// `2023-01` (also `2023-1`).
    fn from_str(s: &str) -> Result<Maand, String> {
        let t = s.trim();
        let fout = || format!("\"{t}\" is geen maand (verwacht JJJJ-MM, bijvoorbeeld 2023-01)");
        let (j, m) = t.split_once('-').ok_or_else(fout)?;
        if j.len() != 4 || !(1..=2).contains(&m.len()) || !(j.bytes().chain(m.bytes())).all(|b| b.is_ascii_digit()) {
            return Err(fout());
        }
        let (j, m) = (j.parse::<i16>().map_err(|_| fout())?, m.parse::<i8>().map_err(|_| fout())?);
        Maand::new(j, m).ok_or_else(fout)
    }
}

impl fmt::Display for Maand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.jaar, self.maand)
    }
}

impl Serialize for Maand {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Maand {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Maand, D::Error> {
        String::deserialize(d)?.parse().map_err(serde::de::Error::custom)
    }
}

/// The period of a series point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Per {
    #[default]
    Maand,
    Kwartaal,
    Jaar,
}

impl Per {
    /// Months per period: 1, 3 or 12.
    pub fn maanden(self) -> i32 {
        match self {
            Per::Maand => 1,
            Per::Kwartaal => 3,
            Per::Jaar => 12,
        }
    }

    /// The label of the period containing month index `i`: `2023-01`, `2023-K1`, `2023`.
    pub fn label(self, i: i32) -> String {
        let m = Maand::uit_index(i);
        match self {
            Per::Maand => m.to_string(),
            Per::Kwartaal => format!("{:04}-K{}", m.jaar, (m.maand - 1) / 3 + 1),
            Per::Jaar => format!("{:04}", m.jaar),
        }
    }

    /// The first month index of the period containing month index `i`.
    pub(crate) fn begin(self, i: i32) -> i32 {
        i - i.rem_euclid(12).rem_euclid(self.maanden())
    }
}

impl FromStr for Per {
    type Err = String;
    /// `maand`, `kwartaal` or `jaar` (case-insensitive).
    fn from_str(s: &str) -> Result<Per, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "maand" => Ok(Per::Maand),
            "kwartaal" => Ok(Per::Kwartaal),
            "jaar" => Ok(Per::Jaar),
            _ => Err(format!("\"{}\" is geen periode (verwacht maand, kwartaal of jaar)", s.trim())),
        }
    }
}

impl fmt::Display for Per {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Per::Maand => "maand",
            Per::Kwartaal => "kwartaal",
            Per::Jaar => "jaar",
        })
    }
}

/// A date as plain integers; the engine's own, cheap date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Dag {
    pub j: i32,
    pub m: u8,
    pub d: u8,
}

impl Dag {
    pub(crate) fn van(d: Date) -> Dag {
        Dag { j: i32::from(d.year()), m: d.month() as u8, d: d.day() as u8 }
    }

    pub(crate) fn maandindex(self) -> i32 {
        maandindex(self.j, self.m)
    }

    /// Days since 1970-01-01 (proleptic Gregorian).
    pub(crate) fn nummer(self) -> i32 {
        let y = self.j - i32::from(self.m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (i32::from(self.m) + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i32::from(self.d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The inverse of [`Dag::nummer`].
    pub(crate) fn uit_nummer(n: i32) -> Dag {
        let z = n + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        Dag { j: yoe + era * 400 + i32::from(m <= 2), m, d }
    }

    /// The same day twelve months earlier, clamped to the month's end (29 Feb → 28 Feb).
    pub(crate) fn jaar_eerder(self) -> Dag {
        let j = self.j - 1;
        Dag { j, m: self.m, d: self.d.min(dagen_in_maand(j, self.m)) }
    }

    /// Is this a real calendar day?
    pub(crate) fn geldig(self) -> bool {
        (1..=12).contains(&self.m) && self.d >= 1 && self.d <= dagen_in_maand(self.j, self.m)
    }
}

pub(crate) fn maandindex(j: i32, m: u8) -> i32 {
    j * 12 + i32::from(m) - 1
}

pub(crate) fn schrikkeljaar(j: i32) -> bool {
    (j % 4 == 0 && j % 100 != 0) || j % 400 == 0
}

pub(crate) fn dagen_in_maand(j: i32, m: u8) -> u8 {
    match m {
        2 if schrikkeljaar(j) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_parse_print_and_order() {
        let m: Maand = "2023-01".parse().unwrap();
        assert_eq!(m, Maand { jaar: 2023, maand: 1 });
        assert_eq!(m.to_string(), "2023-01");
        assert_eq!("2023-1".parse::<Maand>().unwrap(), m);
        assert!(m < "2023-02".parse().unwrap() && m > "2022-12".parse().unwrap());
        for bad in ["2023-13", "2023-00", "23-01", "2023/01", "", "2023-001"] {
            assert!(bad.parse::<Maand>().is_err(), "{bad}");
        }
        assert_eq!("2024-02".parse::<Maand>().unwrap().last_day(), jiff::civil::date(2024, 2, 29));
        assert_eq!(Maand::uit_index(m.index()), m);
    }

    #[test]
    fn day_numbers_round_trip_and_match_jiff() {
        let epoch = jiff::civil::date(1970, 1, 1);
        for n in (-40_000..40_000).step_by(37) {
            let d = Dag::uit_nummer(n);
            assert_eq!(d.nummer(), n);
            let j = Date::new(d.j as i16, d.m as i8, d.d as i8).unwrap();
            assert_eq!((j - epoch).get_days(), n);
        }
    }

    #[test]
    fn periods_have_labels_and_beginnings() {
        let i = "2023-05".parse::<Maand>().unwrap().index();
        assert_eq!(Per::Kwartaal.label(i), "2023-K2");
        assert_eq!(Per::Jaar.label(i), "2023");
        assert_eq!(Maand::uit_index(Per::Kwartaal.begin(i)).to_string(), "2023-04");
        assert_eq!(Maand::uit_index(Per::Jaar.begin(i)).to_string(), "2023-01");
        assert_eq!("Kwartaal".parse::<Per>().unwrap(), Per::Kwartaal);
        assert!("week".parse::<Per>().is_err());
    }
}
