// SPDX-License-Identifier: EUPL-1.2
//! Breakdown and comparison: a series per group of spells (presentation of
//! [`crate::uitsplitsing`]), a comparison group of gemeenten summed beside
//! one gemeente ([`groepsreeks`]), size classes by inhabitants
//! ([`Grootteklasse`]), imported comparison series beside the computed
//! stand ([`Vergelijkreeks`]), and the output that holds them all
//! ([`Vergeleken`]). The definitions are in `docs/bestand.md`.

use std::collections::BTreeMap;
use std::fmt::Write;

use buig_core::{nl, GemeenteCode};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::reeks::{afgerond, index, Punt, Reeks};
use crate::weergave::{render_csv, render_tabel, CSV_HEADER};

/// A size class of gemeenten by inhabitants (lower bound inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Grootteklasse {
    /// Fewer than 20.000 inhabitants.
    Tot20k,
    /// 20.000 up to (not including) 50.000.
    Van20kTot50k,
    /// 50.000 up to (not including) 100.000.
    Van50kTot100k,
    /// 100.000 or more.
    Vanaf100k,
}

impl Grootteklasse {
    /// The class of a gemeente with `inwoners` inhabitants.
    pub fn van(inwoners: u64) -> Grootteklasse {
        match inwoners {
            0..20_000 => Grootteklasse::Tot20k,
            20_000..50_000 => Grootteklasse::Van20kTot50k,
            50_000..100_000 => Grootteklasse::Van50kTot100k,
            _ => Grootteklasse::Vanaf100k,
        }
    }

    /// The Dutch name: `50.000 tot 100.000 inwoners`.
    pub fn naam(self) -> &'static str {
        match self {
            Grootteklasse::Tot20k => "minder dan 20.000 inwoners",
            Grootteklasse::Van20kTot50k => "20.000 tot 50.000 inwoners",
            Grootteklasse::Van50kTot100k => "50.000 tot 100.000 inwoners",
            Grootteklasse::Vanaf100k => "100.000 inwoners of meer",
        }
    }
}

/// Other gemeenten are shown only summed, in figures to which at least this
/// many gemeenten other than the asker's own contribute (per period and per
/// figure), so no single gemeente can be read off a group by subtracting what
/// the asker knows: the comparison page and API, `buig bestand --vergelijk`,
/// the kwartaalmonitor and the notitie's Nederland all hold to it.
pub const MIN_GROEP: usize = 5;

/// One period of a comparison group. A figure is shown only when at least
/// [`MIN_GROEP`] gemeenten that are not the asker's own contribute to it in
/// that period; otherwise it is `null`, so no gemeente can be read off the
/// group by subtracting the asker's own figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroepPunt {
    pub periode: String,
    /// The summed stand of the group's gemeenten; `null` below the minimum.
    pub stand: Option<u64>,
    /// Stand × 1.000 ÷ inhabitants, over the gemeenten whose inhabitants of
    /// the period-end year are known (2 decimals); `null` when too few are.
    pub per_1000: Option<f64>,
    /// How many gemeenten count in `per_1000`.
    pub per_1000_gemeenten: usize,
    /// How many gemeenten have benefits running at the end of the period (count in `stand`).
    pub gemeenten: usize,
    /// Stand as an index, first period = 100 (`null` when either stand is not shown or the first is 0).
    pub index: Option<f64>,
}

/// A comparison group summed per period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Vergelijking {
    /// What the group is, in Dutch (`alle gemeenten in de bron`).
    pub groep: String,
    /// Number of gemeenten in the group.
    pub gemeenten: usize,
    pub reeks: Vec<GroepPunt>,
}

impl Vergelijking {
    /// Is any figure of the group shown?
    pub fn toonbaar(&self) -> bool {
        self.reeks.iter().any(|p| p.stand.is_some() || p.per_1000.is_some())
    }

    /// The group's point of `periode` (joined on the period, never on the position).
    pub fn punt(&self, periode: &str) -> Option<&GroepPunt> {
        self.reeks.iter().find(|p| p.periode == periode)
    }
}

/// The year of the end of a period label (`2023-01`, `2023-K1`, `2023`).
fn jaar_van(periode: &str) -> Option<i32> {
    periode.get(..4)?.parse().ok()
}

/// The index of `v` on `basis` (×100, 2 decimals); `None` without a positive base.
fn index_op(v: u64, basis: Option<u64>) -> Option<f64> {
    basis.filter(|&b| b > 0).map(|b| afgerond(u128::from(v) * 100, u128::from(b), 2))
}

/// The comparison group beside `eigen` (the gemeente's own series): the
/// gemeenten of `alle` for which `in_groep` holds, their stand summed per
/// period of `eigen`. `inwoners(code, jaar)` gives inhabitants on 1 January;
/// a gemeente without them for a period's end year counts in the stand but
/// not in `per_1000` (never invented). `ander(code)` says a gemeente is not
/// one of the asker's own: each figure of each period is shown only when at
/// least [`MIN_GROEP`] such gemeenten contribute to it. All series must come
/// from the same question as `eigen`.
pub fn groepsreeks(
    eigen: &Reeks,
    alle: &BTreeMap<GemeenteCode, Reeks>,
    in_groep: impl Fn(GemeenteCode) -> bool,
    inwoners: impl Fn(GemeenteCode, i32) -> Option<u64>,
    ander: impl Fn(GemeenteCode) -> bool,
    groep: String,
) -> Vergelijking {
    let leden: Vec<(GemeenteCode, &Reeks)> = alle.iter().filter(|(g, _)| in_groep(**g)).map(|(g, r)| (*g, r)).collect();
    let mut ruw: Vec<(GroepPunt, u64, bool)> = eigen
        .reeks
        .iter()
        .map(|p| {
            let jaar = jaar_van(&p.periode);
            let (mut stand, mut stand_bekend, mut inw, mut n, mut n_inw) = (0u64, 0u64, 0u64, 0usize, 0usize);
            let (mut anderen, mut anderen_inw) = (0usize, 0usize);
            for (g, r) in &leden {
                // Joined on the period, never on the position: the series may start at different periods.
                let s = r.punt(&p.periode).map_or(0, |q| q.stand);
                if s == 0 {
                    continue;
                }
                stand += s;
                n += 1;
                anderen += usize::from(ander(*g));
                if let Some(i) = jaar.and_then(|j| inwoners(*g, j)).filter(|&i| i > 0) {
                    stand_bekend += s;
                    inw += i;
                    n_inw += 1;
                    anderen_inw += usize::from(ander(*g));
                }
            }
            let punt = GroepPunt {
                periode: p.periode.clone(),
                stand: (anderen >= MIN_GROEP).then_some(stand),
                per_1000: (inw > 0 && anderen_inw >= MIN_GROEP).then(|| afgerond(u128::from(stand_bekend) * 1000, u128::from(inw), 2)),
                per_1000_gemeenten: n_inw,
                gemeenten: n,
                index: None,
            };
            (punt, stand, anderen >= MIN_GROEP)
        })
        .collect();
    // The index needs its base shown too.
    let basis = ruw.first().filter(|(_, _, toon)| *toon).map(|(_, s, _)| *s);
    for (p, s, toon) in &mut ruw {
        if *toon {
            p.index = index_op(*s, basis);
        }
    }
    Vergelijking { groep, gemeenten: leden.len(), reeks: ruw.into_iter().map(|(p, _, _)| p).collect() }
}

/// A point of the gemeente's own series with its index (first period = 100):
/// the keys of [`Punt`] plus `index`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PuntMetIndex {
    #[serde(flatten)]
    pub punt: Punt,
    pub index: Option<f64>,
}

/// The series with the stand indexed on its first period.
pub fn met_index(r: &Reeks) -> Vec<PuntMetIndex> {
    let basis = r.reeks.first().map(|p| p.periode.clone()).unwrap_or_default();
    r.reeks.iter().zip(index(r, &basis)).map(|(p, (_, i))| PuntMetIndex { punt: p.clone(), index: i }).collect()
}

/// One value of an imported comparison series at a period of the question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WaardePunt {
    pub periode: String,
    /// The imported figure; `null` when the series has none for the period.
    pub waarde: Option<u64>,
    /// Index on the first period of the question (`null` when that value is absent or 0).
    pub index: Option<f64>,
}

/// An imported series for one area (`GM0150` or `NL01`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GebiedReeks {
    pub gebied: String,
    pub reeks: Vec<WaardePunt>,
}

/// An imported comparison series (e.g. `CBS 82015NED`) beside the stand.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Vergelijkreeks {
    pub naam: String,
    pub gebieden: Vec<GebiedReeks>,
}

impl Vergelijkreeks {
    /// The values of each area at the periods of `eigen` (matched by label:
    /// `2023-01`, `2023-K1`, `2023`), indexed on the first period.
    pub fn naast(naam: &str, eigen: &Reeks, gebieden: Vec<(String, BTreeMap<String, u64>)>) -> Vergelijkreeks {
        let gebieden = gebieden
            .into_iter()
            .map(|(gebied, waarden)| {
                let basis = eigen.reeks.first().and_then(|p| waarden.get(&p.periode).copied());
                let reeks = eigen
                    .reeks
                    .iter()
                    .map(|p| {
                        let waarde = waarden.get(&p.periode).copied();
                        WaardePunt { periode: p.periode.clone(), waarde, index: waarde.and_then(|w| index_op(w, basis)) }
                    })
                    .collect();
                GebiedReeks { gebied, reeks }
            })
            .collect();
        Vergelijkreeks { naam: naam.to_string(), gebieden }
    }
}

/// The output of `buig bestand` with a comparison: the gemeente's series
/// with its index, and the group and/or the imported series.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Vergeleken {
    pub reeks: Vec<PuntMetIndex>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vergelijking: Option<Vergelijking>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vergelijkreeks: Option<Vergelijkreeks>,
}

fn aantal(v: u64) -> String {
    nl::getal(Decimal::from(v), 0)
}

fn decimaal(v: Option<f64>) -> String {
    v.map_or("–".into(), |v| nl::getal(Decimal::new((v * 100.0).round() as i64, 2), 2))
}

/// A period label for readers (as the main table): `jan 2023`, `K1 2023`, `2023`.
fn leesbaar(p: &str) -> String {
    match p.split_once('-') {
        Some((j, k)) if k.starts_with('K') => format!("{k} {j}"),
        Some((j, m)) => match (j.parse::<i16>(), m.parse::<i8>()) {
            (Ok(j), Ok(m)) if (1..=12).contains(&m) => nl::month_short(j, m),
            _ => p.to_string(),
        },
        None => p.to_string(),
    }
}

/// Aligns cells: the first column left, the others right.
fn uitgelijnd(kop: &[String], rijen: &[Vec<String>]) -> String {
    let breedte: Vec<usize> =
        (0..kop.len()).map(|i| rijen.iter().map(|r| r[i].chars().count()).chain([kop[i].chars().count()]).max().unwrap_or(0)).collect();
    let mut out = String::new();
    for rij in std::iter::once(kop).chain(rijen.iter().map(Vec::as_slice)) {
        let mut regel = String::new();
        for (i, cel) in rij.iter().enumerate() {
            let pad = " ".repeat(breedte[i] - cel.chars().count());
            if i == 0 {
                let _ = write!(regel, "{cel}{pad}");
            } else {
                let _ = write!(regel, "  {pad}{cel}");
            }
        }
        out.push_str(regel.trim_end());
        out.push('\n');
    }
    out
}

/// The comparison as a Dutch table: periode, the gemeente's stand, per
/// 1.000 and index, then the group's (stand, per 1.000, index) and each
/// imported area's (value, index); a line above names the group and series.
pub fn render_vergelijking(v: &Vergeleken) -> String {
    let mut out = String::new();
    let mut kop: Vec<String> = ["periode", "stand", "per 1.000", "index"].map(String::from).to_vec();
    if let Some(g) = &v.vergelijking {
        let n = match g.gemeenten {
            1 => "1 gemeente".to_string(),
            n => format!("{} gemeenten", aantal(n as u64)),
        };
        let _ = writeln!(
            out,
            "Vergelijkingsgroep: {} ({n}; per 1.000 over de gemeenten met bekende inwoners; \"–\" waar minder dan {MIN_GROEP} andere gemeenten meetellen)",
            g.groep
        );
        kop.extend(["groep stand", "groep per 1.000", "groep index"].map(String::from));
    }
    if let Some(r) = &v.vergelijkreeks {
        let _ = writeln!(out, "Vergelijkingsreeks: {} (geïmporteerd)", r.naam);
        for g in &r.gebieden {
            kop.push(g.gebied.clone());
            kop.push(format!("{} index", g.gebied));
        }
    }
    let rijen: Vec<Vec<String>> = v
        .reeks
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut rij = vec![leesbaar(&p.punt.periode), aantal(p.punt.stand), decimaal(p.punt.per_1000), decimaal(p.index)];
            if let Some(g) = &v.vergelijking {
                match g.punt(&p.punt.periode) {
                    Some(q) => rij.extend([q.stand.map_or("–".into(), aantal), decimaal(q.per_1000), decimaal(q.index)]),
                    None => rij.extend(["–".to_string(), "–".into(), "–".into()]),
                }
            }
            if let Some(r) = &v.vergelijkreeks {
                for g in &r.gebieden {
                    let w = &g.reeks[i];
                    rij.push(w.waarde.map_or("–".into(), aantal));
                    rij.push(decimaal(w.index));
                }
            }
            rij
        })
        .collect();
    out.push_str(&uitgelijnd(&kop, &rijen));
    out
}

/// A breakdown as Dutch tables: a heading per group (`Regeling PW`, with
/// `soort` the name of what is split on), then that group's table as [`render_tabel`].
pub fn render_uitsplitsing_tabel(soort: &str, groepen: &BTreeMap<String, Reeks>) -> String {
    let mut out = String::new();
    for (i, (groep, r)) in groepen.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let _ = writeln!(out, "{soort} {groep}");
        out.push_str(&render_tabel(r));
    }
    out
}

/// A breakdown as one CSV: `groep,` + [`CSV_HEADER`], the rows of each group.
/// A group is a value of the imported file: it goes through [`buig_core::csv::cel`],
/// so `=HYPERLINK(…)` in a column does not become a formula in the user's spreadsheet.
pub fn render_uitsplitsing_csv(groepen: &BTreeMap<String, Reeks>) -> String {
    let mut out = format!("groep,{CSV_HEADER}\n");
    for (groep, r) in groepen {
        let veld = buig_core::csv::cel(groep);
        for regel in render_csv(r).lines().skip(1) {
            let _ = writeln!(out, "{veld},{regel}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_classes_have_inclusive_lower_bounds() {
        assert_eq!(Grootteklasse::van(19_999), Grootteklasse::Tot20k);
        assert_eq!(Grootteklasse::van(20_000), Grootteklasse::Van20kTot50k);
        assert_eq!(Grootteklasse::van(49_999), Grootteklasse::Van20kTot50k);
        assert_eq!(Grootteklasse::van(50_000), Grootteklasse::Van50kTot100k);
        assert_eq!(Grootteklasse::van(99_999), Grootteklasse::Van50kTot100k);
        assert_eq!(Grootteklasse::van(100_000), Grootteklasse::Vanaf100k);
    }
}
