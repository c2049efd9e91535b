// SPDX-License-Identifier: EUPL-1.2
//! The caseload engine (bijstandsbestand, SPEC §2): from benefit spells,
//! per month, quarter or year, the stock (`stand`) at the period's end,
//! inflow and outflow, the stock by duration and by age band, the share of
//! exits to work, re-entry within 12 months and the stock per 1,000
//! inhabitants. The definitions are in `docs/bestand.md`.
//!
//! - [`bereken`]: one gemeente's spells → a [`Reeks`];
//! - [`bereken_per_gemeente`]: every gemeente at once, streaming over spells;
//! - [`bereken_csv_per_gemeente`]: the same straight from a national spells
//!   file, without building [`Uitkering`] values (the benchmark path);
//! - [`uitsplitsing`]: a series per regeling or per household type;
//! - [`groepsreeks`], [`Vergelijkreeks`]: a comparison group or an imported
//!   series beside one gemeente (module `vergelijk`);
//! - [`index`], [`render_tabel`], [`render_csv`]: presentation.
//!
//! The engine (module `teller`) uses difference arrays over the months: the cost
//! is O(spells + months × bands), independent of how long spells run.

mod maand;
mod reeks;
mod snel;
mod teller;
mod vergelijk;
mod weergave;

use std::collections::{BTreeMap, HashMap};

use buig_core::records::{Regeling, Uitkering};
use buig_core::GemeenteCode;

pub use crate::maand::{Maand, Per};
pub use crate::reeks::{index, Banden, Duur, Leeftijd, Punt, Reeks, DUUR_BANDEN, LEEFTIJD_BANDEN};
pub use crate::snel::{bereken_csv, bereken_csv_per_gemeente};
pub use crate::teller::zet_per_1000;
pub use crate::vergelijk::{
    groepsreeks, met_index, render_uitsplitsing_csv, render_uitsplitsing_tabel, render_vergelijking, GebiedReeks, GroepPunt, Grootteklasse,
    PuntMetIndex, Vergeleken, Vergelijking, Vergelijkreeks, WaardePunt, MIN_GROEP,
};
pub use crate::weergave::{render_csv, render_tabel, CSV_HEADER};

use crate::maand::Dag;
use crate::teller::{Bereik, Feit, Teller};

/// The question: which months, per what period, which schemes, and the
/// inhabitants (on 1 January, per year) for the figures per 1,000.
///
/// `van` and `tot` are widened to whole periods: `--van 2023-02 --per
/// kwartaal` starts at 2023-K1, which always means January–March.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vraag {
    pub van: Maand,
    pub tot: Maand,
    pub per: Per,
    /// Only these schemes; `None` = all.
    pub regelingen: Option<Vec<Regeling>>,
    /// Inhabitants per year; a year not in the map has no `per_1000` (never invented).
    pub inwoners: BTreeMap<i32, u64>,
}

impl Vraag {
    /// Months `van..=tot` per `per`, all schemes, no inhabitants; refuses `van` after `tot`.
    pub fn new(van: Maand, tot: Maand, per: Per) -> Result<Vraag, String> {
        if van > tot {
            return Err(format!("--van {van} ligt na --tot {tot}"));
        }
        Ok(Vraag { van, tot, per, regelingen: None, inwoners: BTreeMap::new() })
    }

    fn telt_mee(&self, r: Regeling) -> bool {
        self.regelingen.as_ref().is_none_or(|rs| rs.contains(&r))
    }
}

/// The spell as the engine sees it.
fn feit(u: &Uitkering) -> Feit {
    Feit {
        start: Dag::van(u.startdatum),
        eind: u.einddatum.map(Dag::van),
        geboren: u.geboortedatum.map(Dag::van),
        werk: u.reden_einde.as_deref().is_some_and(is_werk),
    }
}

/// Is this exit reason `werk` (trimmed, any case)?
pub(crate) fn is_werk(reden: &str) -> bool {
    reden.trim().eq_ignore_ascii_case("werk")
}

/// Counts spells into one teller; clients are numbered exactly (no hashing).
fn tel<'a>(uitkeringen: impl Iterator<Item = &'a Uitkering>, vraag: &Vraag) -> Reeks {
    let mut t = Teller::new(Bereik::van(vraag));
    let mut ids: HashMap<&str, u64> = HashMap::new();
    for u in uitkeringen.filter(|u| vraag.telt_mee(u.regeling)) {
        let n = ids.len() as u64;
        let id = *ids.entry(u.client.0.as_str()).or_insert(n);
        t.voeg_toe(&feit(u), id);
    }
    t.reeks(vraag)
}

/// The series of one gemeente: `spells` are all its spells (the
/// `gemeente` field is not looked at).
pub fn bereken(uitkeringen: &[Uitkering], vraag: &Vraag) -> Reeks {
    tel(uitkeringen.iter(), vraag)
}

/// The series of every gemeente in `spells`, in one pass. A gemeente whose
/// spells are all filtered out by `regelingen` still gets a (zero) series.
/// Re-entry looks at the client's spells in the same gemeente only, so the
/// result for a gemeente equals [`bereken`] over its spells.
pub fn bereken_per_gemeente(uitkeringen: impl Iterator<Item = Uitkering>, vraag: &Vraag) -> BTreeMap<GemeenteCode, Reeks> {
    let mut p = PerGemeente::new(vraag);
    for u in uitkeringen {
        p.voeg_toe(&u);
    }
    p.reeksen()
}

/// [`bereken_per_gemeente`] one spell at a time, for sources that push
/// spells rather than hand out an iterator (a database cursor): feed every
/// spell with [`PerGemeente::voeg_toe`], then take [`PerGemeente::reeksen`].
#[derive(Debug)]
pub struct PerGemeente<'v> {
    vraag: &'v Vraag,
    bereik: Bereik,
    tellers: BTreeMap<GemeenteCode, Teller>,
    ids: HashMap<String, u64>,
}

impl<'v> PerGemeente<'v> {
    pub fn new(vraag: &'v Vraag) -> PerGemeente<'v> {
        PerGemeente { vraag, bereik: Bereik::van(vraag), tellers: BTreeMap::new(), ids: HashMap::new() }
    }

    /// Counts one spell in its gemeente.
    pub fn voeg_toe(&mut self, u: &Uitkering) {
        let b = self.bereik;
        let t = self.tellers.entry(u.gemeente).or_insert_with(|| Teller::new(b));
        if !self.vraag.telt_mee(u.regeling) {
            return;
        }
        let n = self.ids.len() as u64;
        let id = match self.ids.get(u.client.0.as_str()) {
            Some(&id) => id,
            None => *self.ids.entry(u.client.0.clone()).or_insert(n),
        };
        t.voeg_toe(&feit(u), id);
    }

    /// The series of every gemeente seen.
    pub fn reeksen(self) -> BTreeMap<GemeenteCode, Reeks> {
        let vraag = self.vraag;
        self.tellers.into_iter().map(|(g, t)| (g, t.reeks(vraag))).collect()
    }
}

/// What to break the caseload down by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Splitsing {
    /// Per scheme: keys `PW`, `IOAW`, `IOAZ`, `BBZ` (only those present).
    Regeling,
    /// Per household type as in the file (`alleenstaand`, …); `onbekend` when empty.
    Huishouden,
    /// Per exit reason (`werk`, …); `lopend` for spells without one.
    RedenEinde,
}

impl Splitsing {
    /// `regeling` or `huishouden`.
    pub fn code(self) -> &'static str {
        match self {
            Splitsing::Regeling => "regeling",
            Splitsing::Huishouden => "huishouden",
            Splitsing::RedenEinde => "reden_einde",
        }
    }

    /// The heading of a group in Dutch: `Regeling`, `Huishouden`, `Reden einde`.
    pub fn kop(self) -> &'static str {
        match self {
            Splitsing::Regeling => "Regeling",
            Splitsing::Huishouden => "Huishouden",
            Splitsing::RedenEinde => "Reden einde",
        }
    }
}

impl std::str::FromStr for Splitsing {
    type Err = String;
    /// `regeling` or `huishouden` (case-insensitive).
    fn from_str(s: &str) -> Result<Splitsing, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "regeling" => Ok(Splitsing::Regeling),
            "huishouden" => Ok(Splitsing::Huishouden),
            "reden_einde" | "reden einde" => Ok(Splitsing::RedenEinde),
            _ => Err(format!("\"{}\" is geen uitsplitsing (verwacht regeling, huishouden of reden_einde; bij --invoer ook elke andere kolom van het bestand)", s.trim())),
        }
    }
}

/// A series per group of one gemeente's spells. Each group is counted on
/// its own (re-entry too: within the group); the regeling filter of
/// `vraag` applies first. Groups without spells are absent.
pub fn uitsplitsing(uitkeringen: &[Uitkering], vraag: &Vraag, naar: Splitsing) -> BTreeMap<String, Reeks> {
    let sleutel = |u: &Uitkering| -> Option<String> {
        match naar {
            Splitsing::Regeling => Some(u.regeling.code().to_string()),
            Splitsing::Huishouden => u.huishouden.as_deref().map(str::trim).filter(|h| !h.is_empty()).map(str::to_string),
            Splitsing::RedenEinde => {
                Some(u.reden_einde.as_deref().map(str::trim).filter(|r| !r.is_empty()).unwrap_or("lopend").to_string())
            }
        }
    };
    uitsplitsing_op(uitkeringen.iter().map(|u| (u, sleutel(u))), vraag)
}

/// A breakdown by any key per spell — e.g. the value of any column of the
/// input file (`buig_import::Options::kenmerk`): one series per distinct
/// key, `onbekend` for spells without one. The regeling filter of `vraag`
/// applies before grouping, as in [`uitsplitsing`].
pub fn uitsplitsing_op<'a>(
    uitkeringen: impl IntoIterator<Item = (&'a Uitkering, Option<String>)>,
    vraag: &Vraag,
) -> BTreeMap<String, Reeks> {
    let mut groepen: BTreeMap<String, Vec<&Uitkering>> = BTreeMap::new();
    for (u, sleutel) in uitkeringen.into_iter().filter(|(u, _)| vraag.telt_mee(u.regeling)) {
        groepen.entry(sleutel.unwrap_or_else(|| "onbekend".to_string())).or_default().push(u);
    }
    groepen.into_iter().map(|(k, us)| (k, tel(us.into_iter(), vraag))).collect()
}
