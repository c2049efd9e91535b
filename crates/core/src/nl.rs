// SPDX-License-Identifier: EUPL-1.2
//! Dutch display formats (SPEC §7): `€ 149.870`, `€ 3.148.839,83`,
//! `8,21%`, `15 augustus 2024`, `jan 2023`, `31-12-2023`.
//!
//! Display only: every function here takes exact values and rounds for the
//! reader; nothing computed is ever parsed back from these strings. One
//! rounding rule everywhere: half away from zero ("rekenkundig afronden"),
//! so 8,205% reads 8,21% on every page and in every document.
//!
//! The small words of council text live here too, so every view says them
//! the same way: lists (`2021, 2022 en 2023`), signed changes (`+15`,
//! `−120`), chances (`< 1%`, `38%`).

use jiff::civil::Date;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::{Money, Percentage};

const MONTHS: [&str; 12] =
    ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

/// Groups the digits of a non-negative integer text with dots: `41984531` → `41.984.531`.
fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// A decimal number in Dutch notation with exactly `dp` decimals:
/// `getal(3148839.825, 2)` → `3.148.839,83`.
pub fn getal(value: Decimal, dp: u32) -> String {
    let r = value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    let negative = r.is_sign_negative() && !r.is_zero();
    let text = format!("{:.*}", dp as usize, r.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&group_thousands(int));
    if dp > 0 {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// Euros rounded to whole euros: `€ 149.870`, `€ -500.000`.
pub fn euro(value: Decimal) -> String {
    format!("€ {}", getal(value, 0))
}

/// Euros with cents: `€ 3.148.839,83`.
pub fn euro_cent(value: Decimal) -> String {
    format!("€ {}", getal(value, 2))
}

/// [`Money`] rounded to whole euros.
pub fn money(m: Money) -> String {
    euro(m.to_decimal())
}

/// A percentage with two decimals: `8,21%`.
pub fn percentage(p: Percentage) -> String {
    percentage_dp(p, 2)
}

/// A percentage with `dp` decimals, trailing zeros kept: `7,5%` with dp 1.
pub fn percentage_dp(p: Percentage, dp: u32) -> String {
    format!("{}%", getal(p.value(), dp))
}

/// A percentage given as a decimal number of percents (`8.205` → `8,21%`), `dp` decimals.
pub fn procent(value: Decimal, dp: u32) -> String {
    format!("{}%", getal(value, dp))
}

/// A chance between 0 and 1 in whole percents, half away from zero. A chance
/// that is not 0 never reads 0% (`< 1%`), one that is not certain never
/// reads 100% (`> 99%`).
pub fn kans(p: f64) -> String {
    if !p.is_finite() || p <= 0.0 {
        return "0%".into();
    }
    if p >= 1.0 {
        return "100%".into();
    }
    let d = Decimal::from_f64_retain(p * 100.0).unwrap_or_default().round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    if d.is_zero() {
        "< 1%".into()
    } else if d >= Decimal::ONE_HUNDRED {
        "> 99%".into()
    } else {
        format!("{}%", getal(d, 0))
    }
}

/// A whole count, Dutch: `10.250`.
pub fn aantal(n: impl Into<i128>) -> String {
    getal(Decimal::from_i128_with_scale(n.into(), 0), 0)
}

/// A signed change in whole numbers with a real minus sign: `+15`, `−120`, `0`.
pub fn met_teken(n: i64) -> String {
    match n {
        n if n < 0 => format!("−{}", aantal(-i128::from(n))),
        0 => "0".into(),
        n => format!("+{}", aantal(n)),
    }
}

/// A list in Dutch: `a`, `a en b`, `a, b en c`; empty for none.
pub fn opsomming<S: AsRef<str>>(delen: &[S]) -> String {
    match delen {
        [] => String::new(),
        [een] => een.as_ref().to_string(),
        [voor @ .., laatste] => {
            format!("{} en {}", voor.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(", "), laatste.as_ref())
        }
    }
}

/// Years as a Dutch list: `2021, 2022 en 2023`.
pub fn jaren(years: &[crate::Year]) -> String {
    opsomming(&years.iter().map(crate::Year::to_string).collect::<Vec<_>>())
}

/// A source as a council reads it: a seed document's file reference
/// (`seed 002_4786fda2c8af8368.txt (raadsvoorstel vangnet 2023)`, `seed 003
/// (prognose 2018 BMWE …)`) becomes its title, internal references to the
/// specification and to data files are left out. The bundled data keep the
/// file references for developers; documents and pages show this.
pub fn leesbare_bron(s: &str) -> String {
    let mut uit = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("seed ") {
        uit.push_str(&rest[..i]);
        let na = &rest[i + 5..];
        let cijfers = na.chars().take_while(char::is_ascii_digit).count();
        if cijfers == 0 {
            uit.push_str("seed ");
            rest = na;
            continue;
        }
        // Skip the file name up to its parenthesis, then keep what the parenthesis says.
        let na = &na[cijfers..];
        let bestand_eind = na.find(" (").filter(|&p| !na[..p].contains(' ') && !na[..p].contains(';')).map(|p| p + 2);
        match bestand_eind {
            Some(p) => {
                let binnen = &na[p..];
                let sluit = binnen.find(')').unwrap_or(binnen.len());
                uit.push_str(&binnen[..sluit]);
                rest = binnen.get(sluit + 1..).unwrap_or("");
            }
            None => rest = na.trim_start_matches(|c: char| c != ' ' && c != ';' && c != ',' && c != ')'),
        }
    }
    uit.push_str(rest);
    let uit = uit
        .replace("(SPEC §3, ", "(")
        .replace("; SPEC §3", "")
        .replace(", SPEC §3", "")
        .replace(" (SPEC §3)", "")
        .replace("SPEC §3, ", "")
        .replace(" (data/macrobudget.csv)", "")
        .replace("data/macrobudget.csv", "de landelijke macrobudgetten");
    hoofdletter(uit.trim())
}

/// The text with its first letter in upper case.
pub fn hoofdletter(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// The text with its first letter in lower case.
pub fn kleine_letter(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_lowercase().chain(c).collect()).unwrap_or_default()
}

/// Text from a file made safe to show: every control character but the
/// line break and the tab — an escape sequence that would steer a terminal,
/// a carriage return that would overwrite a line, a NUL, DEL, the C1 range —
/// becomes its visible picture (`␛`, `␍`, `␀`, `␡`) or `�`. The CLI prints
/// and the web app serves every text through it.
pub fn zichtbaar(tekst: &str) -> std::borrow::Cow<'_, str> {
    let raar = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !tekst.contains(raar) {
        return std::borrow::Cow::Borrowed(tekst);
    }
    tekst
        .chars()
        .map(|c| match c {
            c if !raar(c) => c,
            '\u{7f}' => '\u{2421}',
            c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
            _ => '\u{fffd}',
        })
        .collect::<String>()
        .into()
}

/// A rule percentage as the law writes it, without needless zeros: `7,5%`, `5%`, `12,5%`.
pub fn rule_percentage(p: Percentage) -> String {
    let v = p.value().normalize();
    format!("{}%", getal(v, v.scale()))
}

/// A date written out: `15 augustus 2024`.
pub fn date_long(d: Date) -> String {
    format!("{} {} {}", d.day(), MONTHS[(d.month() - 1) as usize], d.year())
}

/// A date in figures: `31-12-2023`.
pub fn date_short(d: Date) -> String {
    format!("{:02}-{:02}-{}", d.day(), d.month(), d.year())
}

/// A moment stored as UTC (RFC 3339, `2026-12-04T13:05:00Z`) in Dutch local
/// time, Europe/Amsterdam: `4 december 2026 14:05`. Dutch time is UTC+1, and
/// UTC+2 in summer time: from the last Sunday of March to the last Sunday of
/// October, both at 01:00 UTC (the EU rule, in force since 1996). Computed
/// here rather than from a time-zone database, so it is the same on every
/// machine. Text that is no such moment is returned as it is.
pub fn tijdstip(utc: &str) -> String {
    let Ok(ts) = utc.trim().parse::<jiff::Timestamp>() else {
        return utc.to_string();
    };
    let t = jiff::tz::Offset::UTC.to_datetime(ts);
    let wissel =
        |maand: i8| jiff::civil::date(t.year(), maand, 1).nth_weekday_of_month(-1, jiff::civil::Weekday::Sunday).map(|d| d.at(1, 0, 0, 0));
    let zomer = match (wissel(3), wissel(10)) {
        (Ok(begin), Ok(eind)) => t >= begin && t < eind,
        _ => false,
    };
    let lokaal = jiff::tz::Offset::constant(if zomer { 2 } else { 1 }).to_datetime(ts);
    format!("{} {:02}:{:02}", date_long(lokaal.date()), lokaal.hour(), lokaal.minute())
}

/// The usual Dutch month abbreviations (`mrt`, not `maa`).
const MONTHS_SHORT: [&str; 12] = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

/// A month: `jan 2023`, `mrt 2024`.
pub fn month_short(year: i16, month: i8) -> String {
    format!("{} {year}", MONTHS_SHORT[(month - 1) as usize])
}

#[cfg(test)]
mod tijd_tests {
    use super::tijdstip;

    #[test]
    fn a_winter_moment_is_one_hour_ahead_of_utc() {
        assert_eq!(tijdstip("2026-12-04T13:05:00Z"), "4 december 2026 14:05");
        assert_eq!(tijdstip("2026-12-31T23:30:00Z"), "1 januari 2027 00:30");
    }

    #[test]
    fn summer_time_starts_and_ends_at_one_o_clock_utc_on_the_last_sunday() {
        // 2026: summer time from 29 March to 25 October.
        assert_eq!(tijdstip("2026-03-29T00:59:00Z"), "29 maart 2026 01:59");
        assert_eq!(tijdstip("2026-03-29T01:00:00Z"), "29 maart 2026 03:00");
        assert_eq!(tijdstip("2026-07-01T12:00:00Z"), "1 juli 2026 14:00");
        assert_eq!(tijdstip("2026-10-25T00:59:00Z"), "25 oktober 2026 02:59");
        assert_eq!(tijdstip("2026-10-25T01:00:00Z"), "25 oktober 2026 02:00");
    }

    #[test]
    fn text_that_is_no_moment_is_shown_as_it_is() {
        assert_eq!(tijdstip("gisteren"), "gisteren");
    }
}

#[cfg(test)]
mod bron_tests {
    use super::leesbare_bron;

    #[test]
    fn a_seed_file_reference_becomes_its_title_and_the_specification_is_not_named() {
        assert_eq!(
            leesbare_bron("jaarcijfers: seed 001_b5b289654efa9f68.txt (raadsvoorstel vangnet 2022)"),
            "Jaarcijfers: raadsvoorstel vangnet 2022"
        );
        assert_eq!(
            leesbare_bron("Besluit Participatiewet; seed 003 (prognose 2018 BMWE: Bedum € 50.767)"),
            "Besluit Participatiewet; prognose 2018 BMWE: Bedum € 50.767"
        );
        assert_eq!(
            leesbare_bron("Werkhypothese 2016: 5% (SPEC §3, niet aan de wettekst getoetst)"),
            "Werkhypothese 2016: 5% (niet aan de wettekst getoetst)"
        );
        assert_eq!(leesbare_bron("landelijk (data/macrobudget.csv)"), "Landelijk");
        assert_eq!(leesbare_bron("art. 10 Besluit Participatiewet"), "Art. 10 Besluit Participatiewet");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn amounts_are_written_the_dutch_way() {
        assert_eq!(euro(Decimal::new(1_498_700_875, 4)), "€ 149.870");
        assert_eq!(euro(Decimal::from(41_984_531)), "€ 41.984.531");
        assert_eq!(euro(Decimal::from(-500_000)), "€ -500.000");
        assert_eq!(euro(Decimal::from(999)), "€ 999");
        assert_eq!(euro(Decimal::ZERO), "€ 0");
        assert_eq!(euro(Decimal::new(-4, 1)), "€ 0");
        assert_eq!(euro_cent(Decimal::new(3_148_839_825, 3)), "€ 3.148.839,83");
    }

    #[test]
    fn percentages_are_written_the_dutch_way() {
        let p = Percentage::ratio(Money::from_euros(3_448_580), Money::from_euros(41_984_531)).unwrap();
        assert_eq!(percentage(p), "8,21%");
        assert_eq!(rule_percentage("7.5".parse().unwrap()), "7,5%");
        assert_eq!(rule_percentage("5".parse().unwrap()), "5%");
        assert_eq!(rule_percentage("12.50".parse().unwrap()), "12,5%");
    }

    #[test]
    fn half_a_hundredth_rounds_away_from_zero_everywhere() {
        assert_eq!(procent(Decimal::new(8205, 3), 2), "8,21%");
        assert_eq!(procent(Decimal::new(-8205, 3), 2), "-8,21%");
        let p = Percentage::new(Decimal::new(8205, 3));
        assert_eq!(percentage(p), "8,21%");
    }

    #[test]
    fn a_chance_that_is_not_zero_never_reads_zero() {
        assert_eq!(kans(0.0), "0%");
        assert_eq!(kans(0.0001), "< 1%");
        assert_eq!(kans(0.004999), "< 1%");
        assert_eq!(kans(0.005), "1%");
        assert_eq!(kans(0.125), "13%");
        assert_eq!(kans(0.38), "38%");
        assert_eq!(kans(0.9951), "> 99%");
        assert_eq!(kans(1.0), "100%");
    }

    #[test]
    fn lists_and_signs_are_written_the_dutch_way() {
        assert_eq!(opsomming::<&str>(&[]), "");
        assert_eq!(opsomming(&["a"]), "a");
        assert_eq!(opsomming(&["a", "b"]), "a en b");
        assert_eq!(opsomming(&["a", "b", "c"]), "a, b en c");
        assert_eq!(jaren(&[crate::Year::new(2021), crate::Year::new(2022), crate::Year::new(2023)]), "2021, 2022 en 2023");
        assert_eq!(met_teken(15), "+15");
        assert_eq!(met_teken(-1200), "−1.200");
        assert_eq!(met_teken(0), "0");
        assert_eq!(aantal(10_250u64), "10.250");
        assert_eq!(hoofdletter("eind 2023"), "Eind 2023");
        assert_eq!(kleine_letter("Kennis"), "kennis");
    }

    #[test]
    fn control_characters_become_visible_and_line_breaks_and_tabs_stay() {
        assert_eq!(zichtbaar("a\u{1b}[2Jb\rc\0d\u{7f}e\u{9b}f"), "a\u{241b}[2Jb\u{240d}c\u{2400}d\u{2421}e\u{fffd}f");
        assert_eq!(zichtbaar("twee\nregels\tmet tab"), "twee\nregels\tmet tab");
        assert!(matches!(zichtbaar("gewone tekst € 149.870"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn dates_are_written_the_dutch_way() {
        assert_eq!(date_long(date(2024, 8, 15)), "15 augustus 2024");
        assert_eq!(date_short(date(2023, 12, 31)), "31-12-2023");
        assert_eq!(month_short(2023, 1), "jan 2023");
        assert_eq!(month_short(2024, 3), "mrt 2024");
    }
}
