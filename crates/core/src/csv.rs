// SPDX-License-Identifier: EUPL-1.2
//! Cells of the CSV files buig-monitor writes, made safe to open in a
//! spreadsheet: every CSV writer of the workspace (the CLI's `--csv`
//! output, the national spells file) routes each cell through [`cel`].
//!
//! A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a
//! formula (and some strip a leading tab or carriage return first), so a
//! value from an imported file such as `=HYPERLINK("http://…")` would become
//! a live link or worse in the user's spreadsheet. Such a cell gets a `'`
//! in front, which spreadsheets show as text — unless it is a number
//! (`-5`, `+1.5`), which is left as it is. Then the cell is quoted as RFC
//! 4180 asks when it holds a separator (`,` or `;`), a quote or a line break.

use std::borrow::Cow;

/// Whether `t` is a plain number: an optional sign, digits, at most one
/// decimal point or comma between digits.
fn getal(t: &str) -> bool {
    let t = t.strip_prefix(['-', '+']).unwrap_or(t);
    let mut delen = t.splitn(2, ['.', ',']);
    let geheel = delen.next().unwrap_or("");
    let breuk = delen.next();
    !geheel.is_empty()
        && geheel.bytes().all(|b| b.is_ascii_digit())
        && breuk.is_none_or(|b| !b.is_empty() && b.bytes().all(|c| c.is_ascii_digit()))
}

/// One cell as it goes into a CSV file: defused when a spreadsheet would
/// run it, quoted when it needs quotes; borrowed when it needs neither.
pub fn cel(tekst: &str) -> Cow<'_, str> {
    let gevaarlijk = tekst.starts_with(['=', '+', '-', '@', '\t', '\r']) && !getal(tekst);
    let quotes = tekst.contains([',', ';', '"', '\n', '\r']);
    match (gevaarlijk, quotes) {
        (false, false) => Cow::Borrowed(tekst),
        (true, false) => Cow::Owned(format!("'{tekst}")),
        (g, true) => Cow::Owned(format!("\"{}{}\"", if g { "'" } else { "" }, tekst.replace('"', "\"\""))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_a_spreadsheet_would_run_gets_a_quote_in_front() {
        assert_eq!(cel("=HYPERLINK(\"http://x\",\"klik\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\"");
        assert_eq!(cel("+cmd|calc"), "'+cmd|calc");
        assert_eq!(cel("-2+3"), "'-2+3");
        assert_eq!(cel("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cel("\t=1"), "'\t=1");
        assert_eq!(cel("\r=1"), "\"'\r=1\"");
    }

    #[test]
    fn numbers_and_plain_text_stay_as_they_are() {
        for t in ["-5", "+1.5", "-0.25", "12", "2023-K1", "GM0150", "werk", "", "a-b"] {
            assert_eq!(cel(t), t, "{t}");
            assert!(matches!(cel(t), Cow::Borrowed(_)));
        }
        assert_eq!(cel("-0,25"), "\"-0,25\"", "a number, quoted for its comma");
        assert_eq!(cel("-"), "'-");
        assert_eq!(cel("-1.2.3"), "'-1.2.3");
    }

    #[test]
    fn a_separator_quote_or_line_break_is_quoted() {
        assert_eq!(cel("a,b"), "\"a,b\"");
        assert_eq!(cel("a;b"), "\"a;b\"");
        assert_eq!(cel("zeg \"ja\""), "\"zeg \"\"ja\"\"\"");
        assert_eq!(cel("twee\nregels"), "\"twee\nregels\"");
    }
}
