// SPDX-License-Identifier: EUPL-1.2
//! Reading a plan's actions from CSV: one row per action, columns by name
//! (any order, case-insensitive), `;` or `,` as separator (whichever the
//! header line has more of). Rows are numbered as in a spreadsheet: the
//! header is row 1. The first error stops the read and nothing is returned.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::io::Read;

use buig_core::Money;
use buig_import::werkmap::Werkmap;
use rust_decimal::Decimal;

use crate::model::{Actie, Actielijn, Niveau, Plan, PlanKop, Risico};

/// Every column the reader knows; `lijn`, `code` and `titel` are required.
pub const KOLOMMEN: [&str; 16] = [
    "lijn",
    "lijn_naam",
    "code",
    "titel",
    "doelstelling",
    "eenheid",
    "doelwaarde",
    "startwaarde",
    "trekker",
    "planning",
    "start",
    "eind",
    "budget",
    "soort",
    "effect_uitkeringen",
    "effect_euro",
];
const VERPLICHT: [&str; 3] = ["lijn", "code", "titel"];

/// An error in a plan file, in Dutch, naming row and column where it can.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanFout {
    /// Spreadsheet row (header = 1); `None` for the file as a whole.
    pub rij: Option<usize>,
    pub kolom: Option<String>,
    pub melding: String,
}

impl fmt::Display for PlanFout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.rij, &self.kolom) {
            (Some(r), Some(k)) => write!(f, "rij {r}, kolom {k}: {}", self.melding),
            (Some(r), None) => write!(f, "rij {r}: {}", self.melding),
            (None, Some(k)) => write!(f, "kolom {k}: {}", self.melding),
            (None, None) => f.write_str(&self.melding),
        }
    }
}

impl std::error::Error for PlanFout {}

/// A message about the file as a whole.
impl From<String> for PlanFout {
    fn from(melding: String) -> PlanFout {
        bestandsfout(melding)
    }
}

fn fout(rij: usize, kolom: &str, melding: impl Into<String>) -> PlanFout {
    PlanFout { rij: Some(rij), kolom: Some(kolom.into()), melding: melding.into() }
}

/// An amount in euros: `150000`, `150000.50`, `€ 150.000`, `150.000,50`,
/// `50.000`: the importer's parser with Dutch conventions, as `buig import`
/// and the command line read amounts.
pub(crate) fn bedrag(s: &str) -> Result<Money, String> {
    buig_import::bedrag(s, true).map_err(|_| format!("\"{}\" is geen bedrag in euro's (bijvoorbeeld 150000 of € 150.000,00)", s.trim()))
}

fn getal(s: &str) -> Result<Decimal, String> {
    let t = s.trim().replace(',', ".");
    Decimal::from_str_exact(&t).map_err(|_| format!("\"{}\" is geen getal", s.trim()))
}

/// A sheet as text: the header and every row with its spreadsheet number.
#[derive(Debug, Clone, Default)]
pub struct Tabel {
    pub kop: Vec<String>,
    pub rijen: Vec<(usize, Vec<String>)>,
}

fn bestandsfout(melding: impl Into<String>) -> PlanFout {
    PlanFout { rij: None, kolom: None, melding: melding.into() }
}

/// A CSV file as a [`Tabel`]: UTF-8 (with or without BOM), `;` or `,`.
pub fn tabel_uit_csv(mut bron: impl Read) -> Result<Tabel, PlanFout> {
    let mut bytes = Vec::new();
    bron.read_to_end(&mut bytes).map_err(|e| bestandsfout(format!("kan het bestand niet lezen: {e}")))?;
    let tekst = String::from_utf8(bytes).map_err(|_| bestandsfout("het bestand is geen UTF-8-tekst; sla het op als CSV UTF-8"))?;
    let tekst = tekst.trim_start_matches('\u{feff}');
    let eerste = tekst.lines().next().unwrap_or("");
    if eerste.matches('\t').count() > eerste.matches([';', ',']).count() {
        return Err(bestandsfout(
            "het bestand is tab-gescheiden: tussen de kolommen staan tabs, en verwacht worden puntkomma's (;) of komma's (,); \
             sla het op als CSV (gescheiden door puntkomma's of komma's) of als XLSX",
        ));
    }
    let scheiding = if eerste.matches(';').count() >= eerste.matches(',').count() { b';' } else { b',' };
    let mut rdr = csv::ReaderBuilder::new().delimiter(scheiding).flexible(true).from_reader(tekst.as_bytes());
    let kop: Vec<String> =
        rdr.headers().map_err(|e| PlanFout { rij: Some(1), kolom: None, melding: e.to_string() })?.iter().map(str::to_string).collect();
    if kop.len() > MAX_KOLOMMEN {
        return Err(te_breed(kop.len()));
    }
    let mut rijen = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let rij = i + 2;
        if i == MAX_RIJEN {
            return Err(te_veel_rijen());
        }
        let rec = rec.map_err(|e| PlanFout { rij: Some(rij), kolom: None, melding: format!("onleesbare rij: {e}") })?;
        rijen.push((rij, rec.iter().map(str::to_string).collect()));
    }
    Ok(Tabel { kop, rijen })
}

/// The largest plan file read (CSV or XLSX): a plan of this size has thousands of actions.
pub const MAX_BESTAND: usize = 16 * 1024 * 1024;
/// The most rows a plan's sheet or CSV may have: a plan has dozens of actions.
pub const MAX_RIJEN: usize = 10_000;
/// The most columns a plan's header may have (the reader knows 16).
pub const MAX_KOLOMMEN: usize = 100;

fn te_veel_rijen() -> PlanFout {
    bestandsfout(format!(
        "het bestand heeft meer dan {} rijen; zoveel acties of risico's heeft een aanvalsplan niet",
        buig_core::nl::aantal(MAX_RIJEN as i64)
    ))
}

fn te_breed(breedte: usize) -> PlanFout {
    PlanFout {
        rij: Some(1),
        kolom: None,
        melding: format!("de kopregel heeft {breedte} kolommen, meer dan de {MAX_KOLOMMEN} die een aanvalsplan kan hebben"),
    }
}

/// A cell as text: whole numbers without `.0`, dates as calamine writes them.
fn celtekst(d: &calamine::Data) -> String {
    match d {
        calamine::Data::Empty => String::new(),
        calamine::Data::Float(f) => format!("{f}"),
        d => d.to_string(),
    }
}

/// One sheet of an open workbook as a [`Tabel`]: the header is the first
/// non-empty row; rows keep Excel's numbers and are as wide as the header,
/// unless a cell right of it holds something (then up to that cell).
fn tabel_uit_blad<R: Read + std::io::Seek>(wm: &mut Werkmap<R>, naam: &str) -> Result<Tabel, PlanFout> {
    let mut kop: Option<Vec<String>> = None;
    let mut rijen = Vec::new();
    wm.rijen(naam, |rij| {
        let tekst = |k: usize| rij.cel(k).map(celtekst).unwrap_or_default();
        let Some(kop) = &kop else {
            if rij.cellen.iter().any(|(_, d)| !celtekst(d).trim().is_empty()) {
                let mut k: Vec<String> = (0..rij.breedte().min(MAX_KOLOMMEN + 1)).map(tekst).collect();
                while k.last().is_some_and(|c| c.trim().is_empty()) {
                    k.pop();
                }
                if k.len() > MAX_KOLOMMEN {
                    return Err(te_breed(rij.breedte()));
                }
                kop = Some(k);
            }
            return Ok(());
        };
        if rijen.len() == MAX_RIJEN {
            return Err(te_veel_rijen());
        }
        // Cells right of the header count only when they hold something; a
        // row that reaches past the header is refused by its width alone.
        let voorbij = rij.cellen.iter().rev().find(|(k, d)| *k >= kop.len() && !celtekst(d).trim().is_empty()).map(|(k, _)| k + 1);
        match voorbij {
            Some(breedte) if breedte > MAX_KOLOMMEN => Err(PlanFout {
                rij: Some(rij.nummer),
                kolom: None,
                melding: format!("{breedte} kolommen, de kopregel heeft er {}", kop.len()),
            }),
            _ => {
                rijen.push((rij.nummer, (0..voorbij.unwrap_or(kop.len())).map(tekst).collect()));
                Ok(())
            }
        }
    })?;
    let kop = kop.ok_or_else(|| bestandsfout("het blad is leeg (geen kopregel met kolomnamen)"))?;
    Ok(Tabel { kop, rijen })
}

fn open_werkmap(bytes: &[u8]) -> Result<Werkmap<std::io::Cursor<&[u8]>>, PlanFout> {
    Werkmap::open(std::io::Cursor::new(bytes)).map_err(|m| bestandsfout(format!("het bestand {m}")))
}

/// One sheet of an XLSX workbook as a [`Tabel`]: `blad` by name, else the
/// first sheet. The header is the first non-empty row; rows keep Excel's
/// numbers. Read with bounded memory (see [`buig_import::werkmap`]).
pub fn tabel_uit_xlsx(bytes: &[u8], blad: Option<&str>) -> Result<Tabel, PlanFout> {
    let mut wm = open_werkmap(bytes)?;
    let namen = wm.bladen();
    let naam = match blad {
        Some(b) => namen
            .iter()
            .find(|n| n.eq_ignore_ascii_case(b))
            .cloned()
            .ok_or_else(|| bestandsfout(format!("blad \"{b}\" bestaat niet; bladen: {}", namen.join(", "))))?,
        None => namen.first().cloned().ok_or_else(|| bestandsfout("de werkmap heeft geen bladen"))?,
    };
    tabel_uit_blad(&mut wm, &naam)
}

/// The column index by name, checked against the known and required columns.
fn kolommen<'k>(kop: &[String], bekend: &[&'k str], verplicht: &[&str]) -> Result<BTreeMap<&'k str, usize>, PlanFout> {
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, naam) in kop.iter().enumerate() {
        let n = naam.trim().to_lowercase();
        let Some(k) = bekend.iter().find(|k| **k == n) else {
            return Err(fout(1, naam.trim(), format!("onbekende kolom; bekende kolommen zijn {}", bekend.join(", "))));
        };
        if index.insert(k, i).is_some() {
            return Err(fout(1, k, "de kolom staat er twee keer in"));
        }
    }
    for k in verplicht {
        if !index.contains_key(k) {
            return Err(PlanFout { rij: Some(1), kolom: Some(k.to_string()), melding: "verplichte kolom ontbreekt".into() });
        }
    }
    Ok(index)
}

/// Reads the actions of a plan from CSV; the plan-level fields come from `kop`.
pub fn lees_csv(bron: impl Read, kop: PlanKop) -> Result<Plan, PlanFout> {
    lees_tabel(&tabel_uit_csv(bron)?, kop)
}

/// Reads a plan from an XLSX workbook: the actions from `blad` (else the
/// first sheet) and, when the workbook has a sheet named `risico's` or
/// `risicos`, the risks from it.
pub fn lees_xlsx(bytes: &[u8], blad: Option<&str>, kop: PlanKop) -> Result<Plan, PlanFout> {
    let mut plan = lees_tabel(&tabel_uit_xlsx(bytes, blad)?, kop)?;
    let mut wm = open_werkmap(bytes)?;
    let risicoblad = wm.bladen().into_iter().find(|n| ["risico's", "risicos", "risico’s"].iter().any(|r| n.to_lowercase() == *r));
    if let Some(naam) = risicoblad {
        let risicos = tabel_uit_blad(&mut wm, &naam).and_then(|t| lees_risicos(&t));
        plan.risicos = risicos.map_err(|e| PlanFout { melding: format!("blad risico's: {}", e.melding), ..e })?;
    }
    Ok(plan)
}

/// The columns of a risk table; `risico` and `beheersmaatregel` are required.
pub const RISICO_KOLOMMEN: [&str; 5] = ["risico", "beheersmaatregel", "eigenaar", "kans", "impact"];

/// Reads risks, one per row, numbered in order.
pub fn lees_risicos(t: &Tabel) -> Result<Vec<Risico>, PlanFout> {
    let index = kolommen(&t.kop, &RISICO_KOLOMMEN, &["risico", "beheersmaatregel"])?;
    let mut uit = Vec::new();
    for (rij, rec) in &t.rijen {
        let rij = *rij;
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        // A field with an unquoted separator would otherwise cut a text short without a word.
        if rec.len() > t.kop.len() && rec[t.kop.len()..].iter().any(|c| !c.trim().is_empty()) {
            return Err(PlanFout {
                rij: Some(rij),
                kolom: None,
                melding: format!(
                    "{} kolommen, de kopregel heeft er {}; zet een tekst met een scheidingsteken tussen aanhalingstekens",
                    rec.len(),
                    t.kop.len()
                ),
            });
        }
        let cel = |k: &str| index.get(k).and_then(|&i| rec.get(i)).map(|s| s.trim()).filter(|s| !s.is_empty());
        let risico = cel("risico").ok_or_else(|| fout(rij, "risico", "leeg; beschrijf het risico"))?.to_string();
        let beheersmaatregel =
            cel("beheersmaatregel").ok_or_else(|| fout(rij, "beheersmaatregel", "leeg; noem de beheersmaatregel"))?.to_string();
        let niveau = |k: &'static str| cel(k).map(|v| v.parse::<Niveau>().map_err(|m| fout(rij, k, m))).transpose();
        uit.push(Risico {
            nummer: uit.len() as u32 + 1,
            risico,
            beheersmaatregel,
            eigenaar: cel("eigenaar").map(str::to_string),
            kans: niveau("kans")?,
            impact: niveau("impact")?,
        });
    }
    Ok(uit)
}

/// Reads the actions of a plan from a [`Tabel`]; all or nothing.
pub fn lees_tabel(t: &Tabel, kop: PlanKop) -> Result<Plan, PlanFout> {
    let index = kolommen(&t.kop, &KOLOMMEN, &VERPLICHT)?;
    let mut lijnen: BTreeMap<u8, (String, usize)> = BTreeMap::new();
    let mut acties: Vec<Actie> = Vec::new();
    let mut codes = BTreeSet::new();
    for (rij, rec) in &t.rijen {
        let rij = *rij;
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if rec.len() != t.kop.len() {
            return Err(PlanFout {
                rij: Some(rij),
                kolom: None,
                melding: format!("{} kolommen, de kopregel heeft er {}", rec.len(), t.kop.len()),
            });
        }
        let cel = |k: &str| index.get(k).map(|&i| rec[i].trim()).filter(|s| !s.is_empty());
        let tekst = |k: &str| cel(k).map(str::to_string);
        let lijn_tekst = cel("lijn").ok_or_else(|| fout(rij, "lijn", "leeg; vul het nummer van de actielijn in (1, 2, 3 …)"))?;
        let lijn: u8 = lijn_tekst
            .parse()
            .ok()
            .filter(|n| (1..=9).contains(n))
            .ok_or_else(|| fout(rij, "lijn", format!("\"{lijn_tekst}\" is geen actielijn: gebruik een nummer van 1 tot en met 9")))?;
        let code = cel("code").ok_or_else(|| fout(rij, "code", "leeg; vul de code van de actie in, bijvoorbeeld 1A"))?.to_uppercase();
        let geldig = code.len() >= 2 && code.starts_with(char::from(b'0' + lijn)) && code[1..].chars().all(|c| c.is_ascii_alphanumeric());
        if !geldig {
            return Err(fout(
                rij,
                "code",
                format!("\"{code}\" past niet bij actielijn {lijn}: de code begint met het lijnnummer, bijvoorbeeld {lijn}A"),
            ));
        }
        if !codes.insert(code.clone()) {
            return Err(fout(rij, "code", format!("actie {code} staat er al eerder in")));
        }
        let titel = tekst("titel").ok_or_else(|| fout(rij, "titel", "leeg; elke actie heeft een titel"))?;

        let naam = tekst("lijn_naam");
        match (lijnen.get(&lijn), naam) {
            (Some((bekend, eerder)), Some(n)) if *bekend != n && !bekend.is_empty() => {
                return Err(fout(
                    rij,
                    "lijn_naam",
                    format!("\"{n}\" wijkt af van de naam van actielijn {lijn} in rij {eerder} (\"{bekend}\")"),
                ));
            }
            (Some((bekend, _)), Some(n)) if bekend.is_empty() => {
                lijnen.insert(lijn, (n, rij));
            }
            (None, n) => {
                lijnen.insert(lijn, (n.unwrap_or_default(), rij));
            }
            _ => {}
        }

        let mut doelwaarde = None;
        if let Some(v) = cel("doelwaarde") {
            doelwaarde = Some(getal(v).map_err(|m| fout(rij, "doelwaarde", m))?);
        }
        let startwaarde = cel("startwaarde").map(|v| getal(v).map_err(|m| fout(rij, "startwaarde", m))).transpose()?;
        let kwartaal = |k: &'static str| cel(k).map(|v| v.parse().map_err(|m| fout(rij, k, m))).transpose();
        let (start, eind) = (kwartaal("start")?, kwartaal("eind")?);
        if let (Some(s), Some(e)) = (start, eind) {
            if e < s {
                return Err(fout(rij, "eind", format!("{e} ligt vóór start {s}")));
            }
        }
        let geld = |k: &'static str| cel(k).map(|v| bedrag(v).map_err(|m| fout(rij, k, m))).transpose();
        let budget = geld("budget")?;
        if budget.is_some_and(|b| b.is_negative()) {
            return Err(fout(rij, "budget", "een budget is niet negatief"));
        }
        let effect_euro = geld("effect_euro")?;
        let soort = cel("soort").map(|v| v.parse().map_err(|m| fout(rij, "soort", m))).transpose()?;
        let effect_uitkeringen = cel("effect_uitkeringen")
            .map(|v| v.parse::<i64>().map_err(|_| fout(rij, "effect_uitkeringen", format!("\"{v}\" is geen geheel aantal uitkeringen"))))
            .transpose()?;

        acties.push(Actie {
            lijn,
            code,
            titel,
            doelstelling: tekst("doelstelling").unwrap_or_default(),
            eenheid: tekst("eenheid"),
            doelwaarde,
            startwaarde,
            trekker: tekst("trekker"),
            planning: tekst("planning"),
            start,
            eind,
            budget,
            soort,
            effect_uitkeringen,
            effect_euro,
        });
    }
    if acties.is_empty() {
        return Err(PlanFout { rij: None, kolom: None, melding: "het bestand bevat geen acties".into() });
    }
    acties.sort_by(|a, b| (a.lijn, a.code.len(), &a.code).cmp(&(b.lijn, b.code.len(), &b.code)));
    let actielijnen = lijnen.into_iter().map(|(nummer, (naam, _))| Actielijn { nummer, naam }).collect();
    Ok(Plan {
        gemeente: kop.gemeente,
        titel: kop.titel,
        van: kop.van,
        tot: kop.tot,
        doel_uitkeringen: kop.doel_uitkeringen,
        doel_euro: kop.doel_euro,
        nulmeting: kop.nulmeting,
        bron: kop.bron,
        sturing: kop.sturing,
        actielijnen,
        acties,
        risicos: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_in_plain_and_dutch_notation_become_cents() {
        assert_eq!(bedrag("150000").unwrap(), Money::from_euros(150_000));
        assert_eq!(bedrag("€ 150.000,50").unwrap(), Money::from_cents(15_000_050));
        assert_eq!(bedrag("1.500.000").unwrap(), Money::from_euros(1_500_000));
        assert_eq!(bedrag("50.000").unwrap(), Money::from_euros(50_000));
        assert_eq!(bedrag("50.5").unwrap(), Money::from_cents(5_050));
        assert_eq!(bedrag("1234.56").unwrap(), Money::from_cents(123_456));
        assert!(bedrag("veel").is_err());
    }
}
