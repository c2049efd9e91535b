//! Reading a plan's actions from CSV: one row per action, columns by name
//! (any order, case-insensitive), `;` or `,` as separator (whichever the
//! header line has more of). Rows are numbered as in a spreadsheet: the
//! header is row 1. The first error stops the read and nothing is returned.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::io::Read;

use buig_core::Money;
use rust_decimal::Decimal;

use crate::{Actie, Actielijn, Plan, PlanKop};

/// Every column the reader knows; `lijn`, `code` and `titel` are required.
pub const KOLOMMEN: [&str; 15] = [
    "lijn",
    "lijn_naam",
    "code",
    "titel",
    "doelstelling",
    "eenheid",
    "doelwaarde",
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

fn fout(rij: usize, kolom: &str, melding: impl Into<String>) -> PlanFout {
    PlanFout { rij: Some(rij), kolom: Some(kolom.into()), melding: melding.into() }
}

/// An amount in euros: `150000`, `150000.50`, `€ 150.000`, `150.000,50`.
/// With a comma the Dutch notation applies (dots group thousands); without
/// one, dots group thousands only in the `1.234.567` pattern.
pub(crate) fn bedrag(s: &str) -> Result<Money, String> {
    let t: String = s.chars().filter(|c| !c.is_whitespace() && *c != '€').collect();
    let gegroepeerd = |x: &str| {
        let delen: Vec<&str> = x.trim_start_matches('-').split('.').collect();
        delen.len() > 1 && !delen[0].is_empty() && delen[0].len() <= 3 && delen[1..].iter().all(|d| d.len() == 3)
    };
    let plain = if t.contains(',') {
        t.replace('.', "").replace(',', ".")
    } else if gegroepeerd(&t) && t.matches('.').count() > 1 {
        t.replace('.', "")
    } else {
        t.clone()
    };
    plain.parse::<Money>().map_err(|_| format!("\"{}\" is geen bedrag in euro's (bijvoorbeeld 150000 of € 150.000,00)", s.trim()))
}

fn getal(s: &str) -> Result<Decimal, String> {
    let t = s.trim().replace(',', ".");
    Decimal::from_str_exact(&t).map_err(|_| format!("\"{}\" is geen getal", s.trim()))
}

/// Reads the actions of a plan; the plan-level fields come from `kop`.
pub fn lees_csv(mut bron: impl Read, kop: PlanKop) -> Result<Plan, PlanFout> {
    let mut bytes = Vec::new();
    bron.read_to_end(&mut bytes).map_err(|e| PlanFout { rij: None, kolom: None, melding: format!("kan het bestand niet lezen: {e}") })?;
    let tekst = String::from_utf8(bytes).map_err(|_| PlanFout {
        rij: None,
        kolom: None,
        melding: "het bestand is geen UTF-8-tekst; sla het op als CSV UTF-8".into(),
    })?;
    let tekst = tekst.trim_start_matches('\u{feff}');
    let eerste = tekst.lines().next().unwrap_or("");
    let scheiding = if eerste.matches(';').count() >= eerste.matches(',').count() { b';' } else { b',' };
    let mut rdr = csv::ReaderBuilder::new().delimiter(scheiding).flexible(true).from_reader(tekst.as_bytes());

    let kop_rij = rdr.headers().map_err(|e| PlanFout { rij: Some(1), kolom: None, melding: e.to_string() })?.clone();
    let mut index: BTreeMap<&'static str, usize> = BTreeMap::new();
    for (i, naam) in kop_rij.iter().enumerate() {
        let n = naam.trim().to_lowercase();
        let Some(k) = KOLOMMEN.iter().find(|k| **k == n) else {
            return Err(fout(1, naam.trim(), format!("onbekende kolom; bekende kolommen zijn {}", KOLOMMEN.join(", "))));
        };
        if index.insert(k, i).is_some() {
            return Err(fout(1, k, "de kolom staat er twee keer in"));
        }
    }
    for k in VERPLICHT {
        if !index.contains_key(k) {
            return Err(PlanFout { rij: Some(1), kolom: Some(k.into()), melding: "verplichte kolom ontbreekt".into() });
        }
    }

    let mut lijnen: BTreeMap<u8, (String, usize)> = BTreeMap::new();
    let mut acties: Vec<Actie> = Vec::new();
    let mut codes = BTreeSet::new();
    for (i, rec) in rdr.records().enumerate() {
        let rij = i + 2;
        let rec = rec.map_err(|e| PlanFout { rij: Some(rij), kolom: None, melding: format!("onleesbare rij: {e}") })?;
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if rec.len() != kop_rij.len() {
            return Err(PlanFout {
                rij: Some(rij),
                kolom: None,
                melding: format!("{} kolommen, de kopregel heeft er {}", rec.len(), kop_rij.len()),
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
        actielijnen,
        acties,
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
        assert_eq!(bedrag("1234.56").unwrap(), Money::from_cents(123_456));
        assert!(bedrag("veel").is_err());
    }
}
