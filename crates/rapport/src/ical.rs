// SPDX-License-Identifier: EUPL-1.2
//! A calendar feed (iCalendar, RFC 5545) of all-day events: the agenda of
//! a gemeente for an agenda program. Written here rather than with a crate:
//! the well-kept ones take chrono dates, and all-day events need only the
//! text escaping and line folding below.

use jiff::civil::Date;

/// One all-day event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gebeurtenis {
    pub uid: String,
    pub datum: Date,
    pub titel: String,
    pub omschrijving: String,
    pub categorie: String,
}

/// Escapes a TEXT value: backslash, semicolon, comma, newline.
fn tekst(s: &str) -> String {
    let mut uit = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => uit.push_str("\\\\"),
            ';' => uit.push_str("\\;"),
            ',' => uit.push_str("\\,"),
            '\n' => uit.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => uit.push(c),
        }
    }
    uit
}

/// A content line folded at 75 octets (never inside a character), CRLF-terminated.
fn regel(uit: &mut String, lijn: &str) {
    let mut lengte = 0;
    for c in lijn.chars() {
        if lengte + c.len_utf8() > 75 {
            uit.push_str("\r\n ");
            lengte = 1;
        }
        uit.push(c);
        lengte += c.len_utf8();
    }
    uit.push_str("\r\n");
}

fn dag(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// The feed: `naam` is the calendar's name, `gemaakt` the stamp of every event (UTC, `20261205T000000Z`).
pub fn kalender(naam: &str, gebeurtenissen: &[Gebeurtenis], gemaakt: &str) -> String {
    let mut uit = String::new();
    for l in ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//buig-monitor//agenda//NL", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"] {
        regel(&mut uit, l);
    }
    regel(&mut uit, &format!("X-WR-CALNAME:{}", tekst(naam)));
    for g in gebeurtenissen {
        regel(&mut uit, "BEGIN:VEVENT");
        regel(&mut uit, &format!("UID:{}@buig-monitor", tekst(&g.uid)));
        regel(&mut uit, &format!("DTSTAMP:{gemaakt}"));
        regel(&mut uit, &format!("DTSTART;VALUE=DATE:{}", dag(g.datum)));
        regel(&mut uit, &format!("DTEND;VALUE=DATE:{}", g.datum.tomorrow().map(dag).unwrap_or_else(|_| dag(g.datum))));
        regel(&mut uit, &format!("SUMMARY:{}", tekst(&g.titel)));
        if !g.omschrijving.is_empty() {
            regel(&mut uit, &format!("DESCRIPTION:{}", tekst(&g.omschrijving)));
        }
        regel(&mut uit, &format!("CATEGORIES:{}", tekst(&g.categorie)));
        regel(&mut uit, "TRANSP:TRANSPARENT");
        regel(&mut uit, "END:VEVENT");
    }
    regel(&mut uit, "END:VCALENDAR");
    uit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_all_day_event_is_escaped_folded_and_ends_the_next_day() {
        let g = Gebeurtenis {
            uid: "vangnettermijn-2025-GM0150".into(),
            datum: jiff::civil::date(2026, 8, 15),
            titel: "Uiterste dag vangnetverzoek over 2025; ontvangen, niet verzonden".into(),
            omschrijving: "Een verzoek moet uiterlijk 15 augustus 2026 door de Toetsingscommissie vangnet Participatiewet zijn ontvangen (een fatale termijn).\nRegel twee".into(),
            categorie: "vangnettermijn".into(),
        };
        let k = kalender("BUIG Deventer", &[g], "20261205T000000Z");
        assert!(k.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(k.contains("DTSTART;VALUE=DATE:20260815\r\nDTEND;VALUE=DATE:20260816\r\n"));
        assert!(k.contains("SUMMARY:Uiterste dag vangnetverzoek over 2025\\; ontvangen\\, niet verzonden"));
        for l in k.split("\r\n") {
            assert!(l.len() <= 75, "folded: {l}");
        }
        // Unfolding gives the text back.
        let ontvouwen = k.replace("\r\n ", "");
        assert!(ontvouwen.contains("DESCRIPTION:Een verzoek moet uiterlijk 15 augustus 2026 door de Toetsingscommissie vangnet Participatiewet zijn ontvangen (een fatale termijn).\\nRegel twee\r\n"));
        assert!(k.ends_with("END:VCALENDAR\r\n"));
    }
}
