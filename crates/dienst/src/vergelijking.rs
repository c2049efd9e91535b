// SPDX-License-Identifier: EUPL-1.2
//! A gemeente against a group of gemeenten: all gemeenten of the source, or
//! those of its size class ([`crate::landelijk::grootteklasse`]). The
//! comparison page, the API and `buig bestand --vergelijk` take the group
//! from here. A group figure is shown only when at least [`MIN_GROEP`]
//! gemeenten other than the asker's own contribute to it in that period.

use std::collections::{BTreeMap, BTreeSet};

use buig_bestand::{groepsreeks, Reeks, Vergelijking};
use buig_core::GemeenteCode;

use crate::landelijk::{grootteklasse, Landelijk};

/// The comparison group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Groep {
    /// Every gemeente of the source.
    Land,
    /// The gemeenten of the gemeente's size class.
    Grootteklasse,
}

/// The group `groep` beside `eigen` (the series of `code`), from every
/// gemeente's series of the same question (`alle`) and their inhabitants.
/// `bron` names the source in the group's name ("de database", "de bron").
/// `eigen_gemeenten` are the gemeenten the asker has a role on (`code` always
/// counts as one): they never count toward a figure's minimum.
/// Refused when the size class of `code` is unknown.
pub fn groep(
    alle: &BTreeMap<GemeenteCode, Reeks>,
    inwoners: &BTreeMap<(GemeenteCode, i32), u64>,
    eigen: &Reeks,
    code: GemeenteCode,
    groep: Groep,
    bron: &str,
    eigen_gemeenten: &BTreeSet<GemeenteCode>,
) -> Result<Vergelijking, String> {
    let inw = |c: GemeenteCode, j: i32| inwoners.get(&(c, j)).copied();
    let ander = |c: GemeenteCode| c != code && !eigen_gemeenten.contains(&c);
    match groep {
        Groep::Land => Ok(groepsreeks(eigen, alle, |_| true, inw, ander, format!("alle gemeenten in {bron}"))),
        Groep::Grootteklasse => {
            let (klasse, jaar) = grootteklasse(inwoners, code, None)
                .ok_or_else(|| format!("van {code} is geen inwonertal bekend, dus ook geen grootteklasse"))?;
            Ok(groepsreeks(
                eigen,
                alle,
                |c| grootteklasse(inwoners, c, None).map(|(k, _)| k) == Some(klasse),
                inw,
                ander,
                format!("grootteklasse {} (inwoners {jaar})", klasse.naam()),
            ))
        }
    }
}

/// One gemeente with its groups, for the comparison page and the API.
#[derive(Debug, Clone)]
pub struct Rij {
    pub code: GemeenteCode,
    pub naam: String,
    pub reeks: Reeks,
    /// All gemeenten in the database; `None` when no figure of it may be shown.
    pub land: Option<Vergelijking>,
    /// Its size class; `None` when no figure may be shown or without inhabitants.
    pub klasse: Option<Vergelijking>,
}

/// `code` against all gemeenten and its size class, per year, per 1,000
/// inhabitants, for an asker with a role on `eigen_gemeenten`.
pub fn rij(l: &Landelijk, code: GemeenteCode, naam: String, eigen_gemeenten: &BTreeSet<GemeenteCode>) -> Rij {
    let mut reeks = l.reeksen.get(&code).cloned().unwrap_or_default();
    buig_bestand::zet_per_1000(&mut reeks, &l.inwoners_van(code));
    // Keep only the years the gemeente has data for.
    let eerste = reeks.reeks.iter().position(|p| p.stand > 0 || p.instroom > 0).unwrap_or(reeks.reeks.len());
    reeks.reeks.drain(..eerste);
    let bruikbaar = |v: Result<Vergelijking, String>| v.ok().filter(Vergelijking::toonbaar);
    let land = bruikbaar(groep(&l.reeksen, &l.inwoners, &reeks, code, Groep::Land, "de database", eigen_gemeenten));
    let klasse = bruikbaar(groep(&l.reeksen, &l.inwoners, &reeks, code, Groep::Grootteklasse, "de database", eigen_gemeenten));
    Rij { code, naam, reeks, land, klasse }
}
