// SPDX-License-Identifier: EUPL-1.2
//! Charts drawn server-side as SVG text: caseload stock and flows, budget
//! against costs, the prognosis with its P10–P90 fan.
//!
//! This crate owns the picture and its accessible twin: [`Grafiek::svg`]
//! writes a complete, standalone `<svg>` element (usable inline in a page
//! under a strict Content-Security-Policy, so presentation attributes only and
//! never `style`), and [`Grafiek::tabel`] gives the same data as a table for
//! screen readers and for anyone who wants the numbers. Axis ticks and table
//! cells are written the Dutch way (`€ 1,2 mln`, `12.345`, `8,2%`).
//!
//! Values are `f64` on purpose. Money in this project is exact everywhere it
//! is computed; a chart only *shows* amounts, rounded to pixels and to a few
//! digits, and nothing read from a chart flows back into a calculation.
//! Callers convert exact amounts to `f64` at the last moment.
//!
//! The SVG is pure string generation; [`Grafiek::png`] rasterises it with
//! `resvg` and the bundled DejaVu Sans fonts (for DOCX documents).

mod draw;
mod format;
mod raster;
mod ticks;

/// The kind of chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Soort {
    /// Lines through the points, broken where a value is missing.
    Lijn,
    /// Bars side by side per x label, one per series.
    Staaf,
    /// One bar per x label, the series stacked (positives up, negatives down).
    GestapeldeStaaf,
}

/// The unit of the values, which decides how the y axis and table write them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Eenheid {
    /// Counts: `12.345`.
    Aantal,
    /// Euros: `€ 850.000`, `€ 1,2 mln` on the axis, whole euros in the table.
    Euro,
    /// Percentages given in percent (8.2 means 8,2%).
    Procent,
}

impl Eenheid {
    /// One value written compactly, as on an axis: `€ 12 mln`, `€ 1,2 mln`,
    /// `€ 850.000`, `12.345`, `8,2%`.
    pub fn kort(self, waarde: f64) -> String {
        format::compact(self, waarde)
    }
}

/// How a line is drawn (bars ignore it); a prognosis is usually dotted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stijl {
    Doorgetrokken,
    Gestippeld,
}

/// One data series; `None` (and any non-finite number) is a missing value.
#[derive(Clone, Debug, PartialEq)]
pub struct Reeks {
    pub naam: String,
    pub waarden: Vec<Option<f64>>,
    pub stijl: Stijl,
}

impl Reeks {
    /// A solid series.
    pub fn new(naam: impl Into<String>, waarden: Vec<Option<f64>>) -> Reeks {
        Reeks { naam: naam.into(), waarden, stijl: Stijl::Doorgetrokken }
    }
}

/// A shaded area between two bounds, such as the P10–P90 fan of a prognosis.
/// Drawn where both bounds are present.
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    pub naam: String,
    pub onder: Vec<Option<f64>>,
    pub boven: Vec<Option<f64>>,
}

/// A reference line, such as a vangnet threshold of 5% or 7,5% of the budget:
/// drawn dashed across each x position where it has a value (so a threshold
/// that applies only in some years is drawn only there), labelled at its
/// right end with `naam`.
#[derive(Clone, Debug, PartialEq)]
pub struct Drempel {
    pub naam: String,
    pub waarden: Vec<Option<f64>>,
}

/// A chart: its data and how to show it.
#[derive(Clone, Debug, PartialEq)]
pub struct Grafiek {
    pub titel: String,
    /// A sentence for screen readers (goes into `<desc>`); when empty, a
    /// description is made from the kind, the series and the x range.
    pub beschrijving: String,
    pub soort: Soort,
    pub eenheid: Eenheid,
    /// One per point or bar group.
    pub x_labels: Vec<String>,
    pub reeksen: Vec<Reeks>,
    pub band: Option<Band>,
    /// Width in px (default 720).
    pub breedte: u32,
    /// Height in px (default 320).
    pub hoogte: u32,
    /// Draw the y = 0 line emphasised (for a saldo or a result).
    pub nullijn: bool,
    /// Reference lines (thresholds), drawn over the data, in the table as columns.
    pub drempels: Vec<Drempel>,
}

/// The chart's data as an accessible table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tabel {
    /// `""`, the series names, then `"<band> (onder)"` and `"<band> (boven)"`.
    pub kop: Vec<String>,
    /// Per x position: its label, then each value written the Dutch way, `–` when missing.
    pub rijen: Vec<Vec<String>>,
}

/// Written in the table for a missing value.
pub const ONTBREEKT: &str = "–";

impl Grafiek {
    /// An empty chart of 720 × 320 px.
    pub fn new(titel: impl Into<String>, soort: Soort, eenheid: Eenheid) -> Grafiek {
        Grafiek {
            titel: titel.into(),
            beschrijving: String::new(),
            soort,
            eenheid,
            x_labels: Vec::new(),
            reeksen: Vec::new(),
            band: None,
            breedte: 720,
            hoogte: 320,
            nullijn: false,
            drempels: Vec::new(),
        }
    }

    /// The complete `<svg>` element, standalone (with `xmlns`, `viewBox`,
    /// width and height) and without any `style`. Without data it shows the
    /// title and "Geen gegevens".
    pub fn svg(&self) -> String {
        draw::svg(self)
    }

    /// The chart as PNG bytes, `schaal` × its size in px (2.0 for print):
    /// the SVG rasterised with the bundled fonts, never the system's.
    pub fn png(&self, schaal: f32) -> Result<Vec<u8>, String> {
        raster::png(&self.svg(), self.breedte, self.hoogte, schaal)
    }

    /// The same data as a table: one row per x position.
    pub fn tabel(&self) -> Tabel {
        let mut kop = vec![String::new()];
        kop.extend(self.reeksen.iter().map(|r| r.naam.clone()));
        let mut kolommen: Vec<&[Option<f64>]> = self.reeksen.iter().map(|r| r.waarden.as_slice()).collect();
        if let Some(band) = &self.band {
            kop.push(format!("{} (onder)", band.naam));
            kop.push(format!("{} (boven)", band.naam));
            kolommen.push(&band.onder);
            kolommen.push(&band.boven);
        }
        for d in &self.drempels {
            kop.push(format!("Drempel {}", d.naam));
            kolommen.push(&d.waarden);
        }
        // Counts and percentages: whole numbers stay whole, otherwise one decimal
        // throughout, so a column lines up.
        let all_whole = kolommen.iter().flat_map(|k| k.iter()).filter_map(|v| finite(*v)).all(|v| v.fract() == 0.0);
        let dp = match (self.eenheid, all_whole) {
            (Eenheid::Procent, _) => 1,
            (_, true) => 0,
            (_, false) => 1,
        };
        let rijen = (0..self.lengte())
            .map(|i| {
                let mut rij = vec![self.x_labels.get(i).cloned().unwrap_or_default()];
                rij.extend(kolommen.iter().map(|k| match k.get(i).copied().and_then(finite) {
                    Some(v) => format::full(self.eenheid, v, dp),
                    None => ONTBREEKT.to_owned(),
                }));
                rij
            })
            .collect();
        Tabel { kop, rijen }
    }

    /// The number of x positions: the longest of labels, series and band.
    pub(crate) fn lengte(&self) -> usize {
        let reeksen = self.reeksen.iter().map(|r| r.waarden.len());
        let band = self.band.iter().flat_map(|b| [b.onder.len(), b.boven.len()]);
        reeksen.chain(band).chain([self.x_labels.len()]).max().unwrap_or(0)
    }

    /// Whether there is anything to draw: some finite value in a series or the band.
    pub(crate) fn heeft_gegevens(&self) -> bool {
        let reeksen = self.reeksen.iter().flat_map(|r| r.waarden.iter());
        let band = self.band.iter().flat_map(|b| b.onder.iter().chain(b.boven.iter()));
        reeksen.chain(band).any(|v| finite(*v).is_some())
    }
}

/// A present, finite value; NaN and infinities count as missing.
pub(crate) fn finite(v: Option<f64>) -> Option<f64> {
    v.filter(|x| x.is_finite())
}

#[cfg(test)]
mod tests;
