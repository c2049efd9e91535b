// SPDX-License-Identifier: EUPL-1.2
//! Writing spells as the national spells file (SPEC §7, with the
//! `gemeente` column): fixed-width fields formatted by hand into one line
//! buffer, written through a [`BufWriter`].

use std::io::{BufWriter, Write};

use buig_core::csv::cel;
use jiff::civil::Date;

use crate::SynthUitkering;

/// The header, exactly.
pub const HEADER: &str = "gemeente,client_id,regeling,startdatum,einddatum,reden_einde,geboortedatum,huishouden";

/// Writes `spells` as CSV to `w` (header first, `\n` line ends, ISO dates,
/// empty `einddatum` and `reden_einde` while running) and returns the
/// number of data rows written. The text fields go through
/// [`buig_core::csv::cel`], as every CSV written; the generated ids and the
/// fixed vocabularies pass it unchanged, so the output stays byte for byte.
pub fn write_csv<W: Write>(uitkeringen: impl Iterator<Item = SynthUitkering>, w: W) -> std::io::Result<u64> {
    let mut out = BufWriter::with_capacity(1 << 20, w);
    out.write_all(HEADER.as_bytes())?;
    out.write_all(b"\n")?;
    let mut regel: Vec<u8> = Vec::with_capacity(160);
    let mut n = 0u64;
    for s in uitkeringen {
        regel.clear();
        regel.extend_from_slice(b"GM");
        cijfers(&mut regel, u32::from(s.gemeente.number()), 4);
        regel.push(b',');
        regel.extend_from_slice(cel(&s.client_id).as_bytes());
        regel.push(b',');
        regel.extend_from_slice(cel(s.regeling.code()).as_bytes());
        regel.push(b',');
        datum(&mut regel, s.startdatum);
        regel.push(b',');
        if let Some(e) = s.einddatum {
            datum(&mut regel, e);
        }
        regel.push(b',');
        if let Some(r) = s.reden_einde {
            regel.extend_from_slice(cel(r).as_bytes());
        }
        regel.push(b',');
        datum(&mut regel, s.geboortedatum);
        regel.push(b',');
        regel.extend_from_slice(cel(s.huishouden).as_bytes());
        regel.push(b'\n');
        out.write_all(&regel)?;
        n += 1;
    }
    out.flush()?;
    Ok(n)
}

/// `v` as exactly `breedte` decimal digits (zero-padded; `v` fits).
fn cijfers(buf: &mut Vec<u8>, mut v: u32, breedte: usize) {
    let begin = buf.len();
    buf.resize(begin + breedte, b'0');
    for i in (begin..begin + breedte).rev() {
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
    }
}

/// `yyyy-mm-dd` (years 1000–9999, as every date here is).
fn datum(buf: &mut Vec<u8>, d: Date) {
    cijfers(buf, d.year() as u32, 4);
    buf.push(b'-');
    cijfers(buf, d.month() as u32, 2);
    buf.push(b'-');
    cijfers(buf, d.day() as u32, 2);
}

#[cfg(test)]
mod tests {
    use super::*;
    use buig_core::records::Regeling;

    #[test]
    fn a_row_looks_like_the_spells_file() {
        let s = SynthUitkering {
            gemeente: "GM0150".parse().unwrap(),
            client_id: "c000123456".into(),
            regeling: Regeling::Ioaw,
            startdatum: jiff::civil::date(2019, 3, 1),
            einddatum: Some(jiff::civil::date(2021, 12, 31)),
            reden_einde: Some("werk"),
            geboortedatum: jiff::civil::date(1961, 7, 9),
            huishouden: "paar",
        };
        let lopend = SynthUitkering { einddatum: None, reden_einde: None, ..s.clone() };
        let mut out = Vec::new();
        assert_eq!(write_csv([s, lopend].into_iter(), &mut out).unwrap(), 2);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            format!(
                "{HEADER}\nGM0150,c000123456,IOAW,2019-03-01,2021-12-31,werk,1961-07-09,paar\n\
                 GM0150,c000123456,IOAW,2019-03-01,,,1961-07-09,paar\n"
            )
        );
    }
}
