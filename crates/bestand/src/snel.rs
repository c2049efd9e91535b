// SPDX-License-Identifier: EUPL-1.2
//! The fast path: a national spells file (SPEC §7, with a `gemeente`
//! column) straight into per-gemeente series — or one series of the whole
//! file ([`bereken_csv`]) — without building
//! [`Uitkering`](buig_core::records::Uitkering) values. The file is split
//! at line boundaries into one part per thread (two: the machines this
//! runs on have two cores); each part is read with the `csv` crate as
//! `ByteRecord`s, dates are parsed by hand, and every thread keeps its own
//! tellers, merged at the end. Client ids are reduced to a 64-bit
//! fingerprint (SipHash), which only re-entry uses: the chance that two
//! different clients of one gemeente (or, for the whole file, of the
//! country) collide is below 10⁻⁶.
//!
//! The split assumes no line break inside a quoted field (no field of a
//! spells file needs one); the `csv` reader handles quotes otherwise.

use std::collections::BTreeMap;
use std::fs::File;
use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use buig_core::records::Regeling;
use buig_core::GemeenteCode;

use crate::maand::Dag;
use crate::reeks::Reeks;
use crate::teller::{Bereik, Feit, Teller};
use crate::{is_werk, Vraag};

/// Threads (and file parts) used.
const DRADEN: usize = 2;
/// Below this size the file is read by one thread.
const KLEIN: u64 = 1 << 20;

/// The series of every gemeente in the national spells file at `path`
/// (columns matched case-insensitively, `,` or `;` separated, ISO or Dutch
/// dates). Rows are checked as the importer checks them (dates, scheme,
/// gemeente code, einddatum not before startdatum, geboortedatum not after
/// it); the first bad row gives an error naming the file, row and column.
pub fn bereken_csv_per_gemeente(path: &Path, vraag: &Vraag) -> Result<BTreeMap<GemeenteCode, Reeks>, String> {
    lees(path, vraag, false).map(|(r, _)| r)
}

/// The series of all spells in the national spells file at `path` together
/// (as [`crate::bereken`] over all of them: a client is one client across
/// gemeenten, also for re-entry), with the number of spells read — the
/// same fast path and checks as [`bereken_csv_per_gemeente`].
pub fn bereken_csv(path: &Path, vraag: &Vraag) -> Result<(Reeks, u64), String> {
    let (mut per, n) = lees(path, vraag, true)?;
    Ok((per.remove(&samen()).unwrap_or_else(|| Teller::new(Bereik::van(vraag)).reeks(vraag)), n))
}

/// The key of the one teller of [`bereken_csv`] (no gemeente has it).
fn samen() -> GemeenteCode {
    "GM0000".parse().expect("a well-formed code")
}

/// Reads the file in parts on [`DRADEN`] threads: a teller per gemeente, or one for all (`een_teller`).
fn lees(path: &Path, vraag: &Vraag, een_teller: bool) -> Result<(BTreeMap<GemeenteCode, Reeks>, u64), String> {
    let naam = path.display().to_string();
    let io = |e: std::io::Error| format!("{naam}: {e}");
    let mut f = File::open(path).map_err(io)?;
    let lengte = f.metadata().map_err(io)?.len();
    let mut kopregel = Vec::new();
    BufReader::new(&mut f).read_until(b'\n', &mut kopregel).map_err(io)?;
    let kolommen = Kolommen::uit_kop(&kopregel).map_err(|e| format!("{naam}: {e}"))?;
    let begin = kopregel.len() as u64;

    // Part boundaries at line starts.
    let delen = if lengte - begin < KLEIN { 1 } else { DRADEN };
    let mut grenzen = vec![begin];
    for i in 1..delen {
        let ruw = begin + (lengte - begin) * i as u64 / delen as u64;
        f.seek(SeekFrom::Start(ruw)).map_err(io)?;
        let mut rest = Vec::new();
        BufReader::new(&mut f).read_until(b'\n', &mut rest).map_err(io)?;
        grenzen.push((ruw + rest.len() as u64).max(*grenzen.last().unwrap_or(&begin)));
    }
    grenzen.push(lengte);

    let b = Bereik::van(vraag);
    let resultaten: Vec<Result<Tellers, Fout>> = std::thread::scope(|s| {
        let taken: Vec<_> = grenzen
            .windows(2)
            .map(|w| {
                let (van, tot) = (w[0], w[1]);
                let kolommen = &kolommen;
                s.spawn(move || lees_deel(path, van, tot, kolommen, b, vraag, een_teller))
            })
            .collect();
        taken.into_iter().map(|t| t.join().expect("a reader thread panicked")).collect()
    });

    let mut totaal = Tellers::default();
    for (deel, r) in resultaten.into_iter().enumerate() {
        match r {
            Ok(t) => totaal.voeg_samen(t),
            Err(e) => {
                // Lines before this part: only counted when there is an error.
                let eerder = regels_tussen(path, begin, grenzen[deel]).map_err(io)?;
                let rij = 1 + eerder + e.regel;
                return Err(format!("{naam}, rij {rij}, kolom {}: {}", e.kolom, e.melding));
            }
        }
    }

    // Series per gemeente, the tellers split over the threads.
    let rijen = totaal.rijen;
    let mut lijst: Vec<(GemeenteCode, Teller)> = totaal.in_volgorde();
    let helft = lijst.len().div_ceil(DRADEN);
    let tweede = lijst.split_off(helft.min(lijst.len()));
    let (mut a, bb) = std::thread::scope(|s| {
        let h = s.spawn(|| tweede.into_iter().map(|(g, t)| (g, t.reeks(vraag))).collect::<Vec<_>>());
        let a: Vec<_> = lijst.into_iter().map(|(g, t)| (g, t.reeks(vraag))).collect();
        (a, h.join().expect("a thread panicked"))
    });
    a.extend(bb);
    Ok((a.into_iter().collect(), rijen))
}

/// Newlines in `[van, tot)` of the file.
fn regels_tussen(path: &Path, van: u64, tot: u64) -> std::io::Result<u64> {
    let mut f = File::open(path)?;
    f.seek(SeekFrom::Start(van))?;
    let mut n = 0u64;
    let mut buf = vec![0u8; 1 << 16];
    let mut rest = tot - van;
    while rest > 0 {
        let k = f.read(&mut buf[..rest.min(1 << 16) as usize])?;
        if k == 0 {
            break;
        }
        n += buf[..k].iter().filter(|&&c| c == b'\n').count() as u64;
        rest -= k as u64;
    }
    Ok(n)
}

/// The positions of the columns used.
#[derive(Debug, Clone)]
struct Kolommen {
    scheiding: u8,
    gemeente: usize,
    client: usize,
    regeling: usize,
    start: usize,
    eind: Option<usize>,
    reden: Option<usize>,
    geboren: Option<usize>,
}

impl Kolommen {
    fn uit_kop(regel: &[u8]) -> Result<Kolommen, String> {
        let regel = regel.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(regel);
        let tekst = String::from_utf8_lossy(regel);
        let tekst = tekst.trim_end_matches(['\r', '\n']);
        let tel = |c: char| tekst.matches(c).count();
        let scheiding = if tel(';') > tel(',') { b';' } else { b',' };
        let namen: Vec<String> =
            tekst.split(scheiding as char).map(|n| n.trim().trim_matches('"').trim().to_lowercase().replace([' ', '-'], "_")).collect();
        let zoek = |n: &str| namen.iter().position(|x| x == n);
        let nodig = |n: &str| zoek(n).ok_or_else(|| format!("kolom {n} ontbreekt (gevonden: {})", namen.join(", ")));
        Ok(Kolommen {
            scheiding,
            gemeente: nodig("gemeente")?,
            client: nodig("client_id")?,
            regeling: nodig("regeling")?,
            start: nodig("startdatum")?,
            eind: zoek("einddatum"),
            reden: zoek("reden_einde"),
            geboren: zoek("geboortedatum"),
        })
    }
}

/// A row error within a part: its line within the part (1-based).
struct Fout {
    regel: u64,
    kolom: &'static str,
    melding: String,
}

/// One thread's tellers, indexed by gemeente number.
#[derive(Default)]
struct Tellers {
    plek: Vec<u32>,
    tellers: Vec<(GemeenteCode, Teller)>,
    /// Spells read (of every scheme).
    rijen: u64,
}

const GEEN: u32 = u32::MAX;

impl Tellers {
    fn teller(&mut self, g: GemeenteCode, b: Bereik) -> &mut Teller {
        if self.plek.is_empty() {
            self.plek = vec![GEEN; 10_000];
        }
        let p = &mut self.plek[usize::from(g.number())];
        if *p == GEEN {
            *p = self.tellers.len() as u32;
            self.tellers.push((g, Teller::new(b)));
        }
        &mut self.tellers[*p as usize].1
    }

    fn voeg_samen(&mut self, ander: Tellers) {
        self.rijen += ander.rijen;
        for (g, t) in ander.tellers {
            let b = t.bereik();
            self.teller(g, b).voeg_samen(t);
        }
    }

    fn in_volgorde(self) -> Vec<(GemeenteCode, Teller)> {
        let mut v = self.tellers;
        v.sort_unstable_by_key(|x| x.0);
        v
    }
}

/// Reads the rows in `[van, tot)` of the file.
fn lees_deel(path: &Path, van: u64, tot: u64, k: &Kolommen, b: Bereik, vraag: &Vraag, een_teller: bool) -> Result<Tellers, Fout> {
    let io = |e: std::io::Error| Fout { regel: 0, kolom: "-", melding: e.to_string() };
    let mut f = File::open(path).map_err(io)?;
    f.seek(SeekFrom::Start(van)).map_err(io)?;
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(k.scheiding)
        .flexible(true)
        .buffer_capacity(1 << 18)
        .from_reader(f.take(tot - van));
    let mut rec = csv::ByteRecord::new();
    let mut tellers = Tellers::default();
    let mut vorige: (Vec<u8>, Option<GemeenteCode>) = (Vec::new(), None);
    let hasher = BuildHasherDefault::<DefaultHasher>::default();
    let mut regel = 0u64;
    let alle = samen();
    loop {
        match rdr.read_byte_record(&mut rec) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(Fout { regel: regel + 1, kolom: "-", melding: e.to_string() }),
        }
        regel = rec.position().map_or(regel + 1, |p| p.line());
        let fout = |kolom: &'static str, melding: String| Fout { regel, kolom, melding };
        let veld = |i: usize| trim(rec.get(i).unwrap_or(b""));
        // Gemeente: the file is usually grouped by gemeente, so remember the last one.
        let gb = veld(k.gemeente);
        let g = match vorige.1 {
            Some(g) if vorige.0 == gb => g,
            _ => {
                let g = std::str::from_utf8(gb)
                    .map_err(|_| "geen geldige tekst".to_string())
                    .and_then(|s| s.parse::<GemeenteCode>())
                    .map_err(|m| fout("gemeente", m))?;
                vorige = (gb.to_vec(), Some(g));
                g
            }
        };
        let regeling = regeling(veld(k.regeling)).map_err(|m| fout("regeling", m))?;
        tellers.rijen += 1;
        let teller = tellers.teller(if een_teller { alle } else { g }, b);
        let start = datum(veld(k.start)).map_err(|m| fout("startdatum", m))?.ok_or_else(|| fout("startdatum", "ontbreekt".into()))?;
        let eind = match k.eind {
            Some(i) => datum(veld(i)).map_err(|m| fout("einddatum", m))?,
            None => None,
        };
        if eind.is_some_and(|e| e < start) {
            return Err(fout("einddatum", format!("einddatum ligt voor startdatum {}", toon(start))));
        }
        let geboren = match k.geboren {
            Some(i) => datum(veld(i)).map_err(|m| fout("geboortedatum", m))?,
            None => None,
        };
        if geboren.is_some_and(|d| d > start) {
            return Err(fout("geboortedatum", format!("geboortedatum ligt na startdatum {}", toon(start))));
        }
        if !vraag.telt_mee(regeling) {
            continue;
        }
        let client = veld(k.client);
        if client.is_empty() {
            return Err(fout("client_id", "ontbreekt".into()));
        }
        let werk = eind.is_some() && k.reden.is_some_and(|i| std::str::from_utf8(veld(i)).is_ok_and(is_werk));
        teller.voeg_toe(&Feit { start, eind, geboren, werk }, hasher.hash_one(client));
    }
    Ok(tellers)
}

fn trim(b: &[u8]) -> &[u8] {
    b.trim_ascii()
}

fn toon(d: Dag) -> String {
    format!("{:02}-{:02}-{:04}", d.d, d.m, d.j)
}

fn regeling(b: &[u8]) -> Result<Regeling, String> {
    match b {
        b"PW" => Ok(Regeling::Pw),
        b"IOAW" => Ok(Regeling::Ioaw),
        b"IOAZ" => Ok(Regeling::Ioaz),
        b"BBZ" => Ok(Regeling::Bbz),
        _ => String::from_utf8_lossy(b).parse(),
    }
}

fn cijfers(b: &[u8]) -> Option<i32> {
    if b.is_empty() || b.len() > 4 {
        return None;
    }
    b.iter().try_fold(0i32, |n, &c| c.is_ascii_digit().then(|| n * 10 + i32::from(c - b'0')))
}

/// A date: `2023-12-31`, `31-12-2023`, `1-2-2023`, `31/12/2023`, `2023/12/31`,
/// optionally followed by a midnight time (`T00:00:00`, ` 00:00`); empty = `None`.
fn datum(b: &[u8]) -> Result<Option<Dag>, String> {
    if b.is_empty() {
        return Ok(None);
    }
    let fout = || format!("\"{}\" is geen datum (verwacht JJJJ-MM-DD of DD-MM-JJJJ)", String::from_utf8_lossy(b));
    // The common case, ISO.
    let (j, m, d) = if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        (cijfers(&b[..4]), cijfers(&b[5..7]), cijfers(&b[8..]))
    } else {
        let (dag, tijd) = match b.iter().position(|&c| c == b'T' || c == b' ') {
            Some(i) => (&b[..i], Some(&b[i + 1..])),
            None => (b, None),
        };
        if tijd.is_some_and(|t| !matches!(t, b"00:00" | b"00:00:00")) {
            return Err(fout());
        }
        let sep = if dag.contains(&b'/') { b'/' } else { b'-' };
        let delen: Vec<&[u8]> = dag.split(|&c| c == sep).collect();
        match delen[..] {
            [a, m, d] if a.len() == 4 => (cijfers(a), cijfers(m), cijfers(d)),
            [d, m, a] if a.len() == 4 && d.len() <= 2 && m.len() <= 2 => (cijfers(a), cijfers(m), cijfers(d)),
            _ => return Err(fout()),
        }
    };
    let (Some(j), Some(m), Some(d)) = (j, m, d) else {
        return Err(fout());
    };
    let dag = Dag { j, m: m.min(99) as u8, d: d.min(99) as u8 };
    if !(1000..=9999).contains(&j) || !dag.geldig() {
        return Err(format!("\"{}\" is geen geldige datum", String::from_utf8_lossy(b)));
    }
    Ok(Some(dag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_iso_and_dutch() {
        let want = Some(Dag { j: 2023, m: 12, d: 31 });
        for s in ["2023-12-31", "31-12-2023", "31/12/2023", "2023/12/31", "2023-12-31T00:00:00", "2023-12-31 00:00"] {
            assert_eq!(datum(s.as_bytes()), Ok(want), "{s}");
        }
        assert_eq!(datum(b"1-2-2023"), Ok(Some(Dag { j: 2023, m: 2, d: 1 })));
        assert_eq!(datum(b""), Ok(None));
        for bad in ["31-02-2023", "2023-12-31 12:00", "31-12-23", "0223-01-01", "2023-12/31", "gisteren"] {
            assert!(datum(bad.as_bytes()).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_header_is_matched_loosely() {
        let k = Kolommen::uit_kop(b"\xEF\xBB\xBFGemeente;Client ID;Regeling;Startdatum;Einddatum\r\n").unwrap();
        assert_eq!((k.scheiding, k.gemeente, k.client, k.start, k.eind, k.geboren), (b';', 0, 1, 3, Some(4), None));
        assert!(Kolommen::uit_kop(b"client_id,regeling,startdatum\n").unwrap_err().contains("gemeente"));
    }
}
