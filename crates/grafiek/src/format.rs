// SPDX-License-Identifier: EUPL-1.2
//! Dutch number formatting for chart labels and the accessible table, and
//! XML escaping. Display only: values arrive as `f64` and leave as text.

use crate::Eenheid;

/// Escapes the five XML special characters, so any text can go into an
/// element or an attribute value.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(c),
        }
    }
    out
}

/// A coordinate rounded to one decimal, without a needless `.0` or `-0`.
pub(crate) fn coord(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    let r = if r == 0.0 { 0.0 } else { r };
    let text = format!("{r:.1}");
    text.strip_suffix(".0").map(str::to_owned).unwrap_or(text)
}

/// A number in Dutch notation with `dp` decimals: `1234567.8, 1` → `1.234.567,8`.
/// With `trim`, trailing zero decimals are dropped (`1,50` → `1,5`, `2,0` → `2`).
/// Halves round away from zero, as `buig_core::nl` does for money (`format!`
/// alone would round a half to even: € 2,5 → € 2).
pub(crate) fn getal(value: f64, dp: usize, trim: bool) -> String {
    let schaal = 10f64.powi(dp as i32);
    let afgerond = (value.abs() * schaal).round() / schaal;
    let text = format!("{:.*}", dp, afgerond);
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let frac = if trim { frac.trim_end_matches('0') } else { frac };
    let is_zero = int.chars().all(|c| c == '0') && frac.chars().all(|c| c == '0');
    let mut out = String::new();
    if value < 0.0 && !is_zero {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// The fewest decimals (at most `max`) that write `step` exactly: 0.25 → 2, 5 → 0.
pub(crate) fn decimals_for(step: f64, max: usize) -> usize {
    (0..max)
        .find(|&d| {
            let scaled = step.abs() * 10f64.powi(d as i32);
            (scaled - scaled.round()).abs() < 1e-6 * scaled.max(1.0)
        })
        .unwrap_or(max)
}

/// How amounts on one axis are scaled: whole euros, millions or billions.
#[derive(Clone, Copy, Debug, PartialEq)]
enum EuroScale {
    Whole,
    Million,
    Billion,
}

impl EuroScale {
    fn for_magnitude(m: f64) -> EuroScale {
        if m >= 1e9 {
            EuroScale::Billion
        } else if m >= 1e6 {
            EuroScale::Million
        } else {
            EuroScale::Whole
        }
    }

    fn divisor(self) -> f64 {
        match self {
            EuroScale::Whole => 1.0,
            EuroScale::Million => 1e6,
            EuroScale::Billion => 1e9,
        }
    }

    fn write(self, value: f64, dp: usize) -> String {
        if value == 0.0 {
            return "€ 0".to_owned();
        }
        let number = getal(value / self.divisor(), dp, true);
        match self {
            EuroScale::Whole => format!("€ {number}"),
            EuroScale::Million => format!("€ {number} mln"),
            EuroScale::Billion => format!("€ {number} mld"),
        }
    }
}

/// One value written compactly in the unit, as on an axis:
/// `€ 12 mln`, `€ 1,2 mln`, `€ 850.000`, `12.345`, `8,2%`.
pub(crate) fn compact(eenheid: Eenheid, value: f64) -> String {
    match eenheid {
        Eenheid::Euro => {
            let scale = EuroScale::for_magnitude(value.abs());
            let scaled = value.abs() / scale.divisor();
            let dp = if scale == EuroScale::Whole || scaled >= 10.0 { 0 } else { 1 };
            scale.write(value, dp)
        }
        Eenheid::Aantal => getal(value, 1, true),
        Eenheid::Procent => format!("{}%", getal(value, 1, true)),
    }
}

/// The labels of a whole axis: one scale for all ticks (all in millions when
/// the largest is a million or more) and enough decimals to tell them apart.
pub(crate) fn tick_labels(eenheid: Eenheid, ticks: &[f64]) -> Vec<String> {
    let step = if ticks.len() > 1 { ticks[1] - ticks[0] } else { 1.0 };
    match eenheid {
        Eenheid::Euro => {
            let largest = ticks.iter().fold(0.0f64, |m, t| m.max(t.abs()));
            let scale = EuroScale::for_magnitude(largest);
            let dp = decimals_for(step / scale.divisor(), 4);
            ticks.iter().map(|&t| scale.write(t, dp)).collect()
        }
        Eenheid::Aantal => {
            let dp = decimals_for(step, 4);
            ticks.iter().map(|&t| getal(t, dp, true)).collect()
        }
        Eenheid::Procent => {
            let dp = decimals_for(step, 4);
            ticks.iter().map(|&t| format!("{}%", getal(t, dp, true))).collect()
        }
    }
}

/// One value written in full for the accessible table: `€ 1.234.567`,
/// `12.345`, `12.345,5`, `8,2%`. `dp` is the decimals for counts and percentages.
pub(crate) fn full(eenheid: Eenheid, value: f64, dp: usize) -> String {
    match eenheid {
        Eenheid::Euro => format!("€ {}", getal(value, 0, false)),
        Eenheid::Aantal => getal(value, dp, false),
        Eenheid::Procent => format!("{}%", getal(value, dp, false)),
    }
}
