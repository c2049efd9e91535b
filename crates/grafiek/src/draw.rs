// SPDX-License-Identifier: EUPL-1.2
//! Layout and SVG writing: title, legend, axis, band, bars or lines.
//!
//! Everything is written with presentation attributes (fill, stroke, …), never
//! `style`, so the SVG can be inlined under `style-src 'self'`. Coordinates
//! are rounded to one decimal.

use std::fmt::Write;

use crate::format::{coord, escape, tick_labels};
use crate::ticks::nice_ticks;
use crate::{finite, Grafiek, Soort, Stijl};

/// Okabe–Ito: distinguishable with the common colour-vision deficiencies,
/// and every colour readable against white at line and bar widths.
pub(crate) const PALETTE: [&str; 7] = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"];
const BAND_COLOUR: &str = "#0072B2";
const BAND_OPACITY: &str = "0.18";
const FONT: &str = "DejaVu Sans, Arial, sans-serif";
const TEXT: &str = "#222222";
const MUTED: &str = "#555555";
const GRID: &str = "#dddddd";
const DASH: &str = "6 4";

const PAD: f64 = 12.0;
const FONT_SIZE: f64 = 12.0;
const TITLE_SIZE: f64 = 14.0;
const LEGEND_ROW: f64 = 20.0;
/// The most x labels written; the others are left out (first and last always shown).
const MAX_X_LABELS: usize = 12;
/// The widest a single bar gets, so three bars do not become walls.
const MAX_BAR_WIDTH: f64 = 48.0;

/// Estimated width of text in DejaVu Sans (average advance ≈ 0.6 em).
fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.6
}

pub(crate) fn colour(series: usize) -> &'static str {
    PALETTE[series % PALETTE.len()]
}

/// Where the plot area lies and how values map onto it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Layout {
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    /// Number of x positions (slots).
    pub n: usize,
    pub y_min: f64,
    pub y_max: f64,
}

impl Layout {
    pub fn slot(&self) -> f64 {
        (self.right - self.left) / self.n.max(1) as f64
    }

    /// The centre of slot `i`: points and bar groups sit mid-slot.
    pub fn x(&self, i: usize) -> f64 {
        self.left + (i as f64 + 0.5) * self.slot()
    }

    pub fn y(&self, v: f64) -> f64 {
        let span = self.y_max - self.y_min;
        self.bottom - (v - self.y_min) / span * (self.bottom - self.top)
    }
}

/// A bar as drawn: `y` is the top edge in SVG coordinates.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Bar {
    pub series: usize,
    pub index: usize,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// The runs of consecutive present values: a missing value breaks a line.
pub(crate) fn segments(values: &[Option<f64>]) -> Vec<Vec<(usize, f64)>> {
    let mut runs = Vec::new();
    let mut current = Vec::new();
    for (i, v) in values.iter().enumerate() {
        match finite(*v) {
            Some(v) => current.push((i, v)),
            None if !current.is_empty() => runs.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    runs
}

/// The runs where both bounds of the band are present: (index, lower, upper).
fn band_segments(onder: &[Option<f64>], boven: &[Option<f64>]) -> Vec<Vec<(usize, f64, f64)>> {
    let both: Vec<Option<f64>> = (0..onder.len().max(boven.len()))
        .map(|i| match (onder.get(i).copied().and_then(finite), boven.get(i).copied().and_then(finite)) {
            (Some(_), Some(_)) => Some(i as f64),
            _ => None,
        })
        .collect();
    segments(&both)
        .into_iter()
        .map(|run| {
            run.into_iter()
                .map(|(i, _)| {
                    let (a, b) = (onder[i].unwrap_or(0.0), boven[i].unwrap_or(0.0));
                    (i, a.min(b), a.max(b))
                })
                .collect()
        })
        .collect()
}

/// The lowest and highest value the axis must show.
fn value_range(g: &Grafiek) -> (f64, f64) {
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    let mut see = |v: f64| {
        lo = lo.min(v);
        hi = hi.max(v);
    };
    match g.soort {
        Soort::GestapeldeStaaf => {
            for i in 0..g.lengte() {
                let (mut up, mut down) = (0.0, 0.0);
                for r in &g.reeksen {
                    match r.waarden.get(i).copied().and_then(finite) {
                        Some(v) if v >= 0.0 => up += v,
                        Some(v) => down += v,
                        None => {}
                    }
                }
                see(up);
                see(down);
            }
        }
        Soort::Lijn | Soort::Staaf => g.reeksen.iter().flat_map(|r| r.waarden.iter()).filter_map(|v| finite(*v)).for_each(&mut see),
    }
    if let Some(b) = &g.band {
        b.onder.iter().chain(b.boven.iter()).filter_map(|v| finite(*v)).for_each(&mut see);
    }
    g.drempels.iter().flat_map(|d| d.waarden.iter()).filter_map(|v| finite(*v)).for_each(&mut see);
    if g.soort != Soort::Lijn || g.nullijn {
        see(0.0);
    }
    if lo > hi {
        (0.0, 1.0)
    } else {
        (lo, hi)
    }
}

/// The bars of a bar chart, in drawing order. Negative values hang below zero.
pub(crate) fn bars(g: &Grafiek, layout: &Layout) -> Vec<Bar> {
    let slot = layout.slot();
    let zero = layout.y(0.0);
    let mut out = Vec::new();
    match g.soort {
        Soort::Lijn => {}
        Soort::Staaf => {
            let k = g.reeksen.len().max(1) as f64;
            let bar_w = (slot * 0.8 / k).min(MAX_BAR_WIDTH);
            let gap = if bar_w > 6.0 { 1.0 } else { 0.0 };
            for i in 0..layout.n {
                let start = layout.x(i) - bar_w * k / 2.0;
                for (s, r) in g.reeksen.iter().enumerate() {
                    if let Some(v) = r.waarden.get(i).copied().and_then(finite) {
                        let y = layout.y(v);
                        out.push(Bar {
                            series: s,
                            index: i,
                            x: start + s as f64 * bar_w + gap / 2.0,
                            y: y.min(zero),
                            w: bar_w - gap,
                            h: (y - zero).abs(),
                        });
                    }
                }
            }
        }
        Soort::GestapeldeStaaf => {
            let bar_w = (slot * 0.6).min(MAX_BAR_WIDTH * 1.5);
            for i in 0..layout.n {
                let (mut up, mut down) = (0.0, 0.0);
                for (s, r) in g.reeksen.iter().enumerate() {
                    if let Some(v) = r.waarden.get(i).copied().and_then(finite) {
                        let base = if v >= 0.0 { &mut up } else { &mut down };
                        let (from, to) = (*base, *base + v);
                        *base = to;
                        let (y1, y2) = (layout.y(from), layout.y(to));
                        out.push(Bar { series: s, index: i, x: layout.x(i) - bar_w / 2.0, y: y1.min(y2), w: bar_w, h: (y1 - y2).abs() });
                    }
                }
            }
        }
    }
    out
}

/// Which x labels to write: all when they fit, otherwise every k-th, with k
/// a step that suits years and months (1, 2, 3, 4, 6, 12, 24, …), at most
/// `max` labels and at least `min_gap` positions apart. The first and the
/// last label are always written; the one before the last gives way if the
/// two would collide.
pub(crate) fn shown_labels(n: usize, max: usize, min_gap: usize) -> Vec<usize> {
    let (max, min_gap) = (max.max(2), min_gap.max(1));
    if n <= max && min_gap == 1 {
        return (0..n).collect();
    }
    let needed = (n.saturating_sub(1)).div_ceil(max - 1).max(min_gap);
    let step = [1, 2, 3, 4, 6, 12].into_iter().find(|&k| k >= needed).unwrap_or_else(|| needed.div_ceil(12) * 12);
    let mut shown: Vec<usize> = (0..n).step_by(step).collect();
    let last = n.saturating_sub(1);
    if n > 0 && shown.last() != Some(&last) {
        let previous = *shown.last().unwrap_or(&0);
        if previous > 0 && (shown.len() >= max || last - previous < min_gap) {
            shown.pop();
        }
        shown.push(last);
    }
    shown
}

/// A stable FNV-1a hash, so ids are the same on every run and platform.
fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain([0u8]) {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The id prefix of a chart, from its title, description and series names,
/// so two charts on one page get different ids.
pub(crate) fn id_prefix(g: &Grafiek) -> String {
    let mut parts: Vec<&str> = vec![&g.titel, &g.beschrijving];
    parts.extend(g.reeksen.iter().map(|r| r.naam.as_str()));
    parts.extend(g.x_labels.first().map(String::as_str));
    format!("grafiek-{:016x}", fnv1a(&parts))
}

/// The description for screen readers: the caller's, or one made from the data.
fn description(g: &Grafiek) -> String {
    if !g.beschrijving.trim().is_empty() {
        return g.beschrijving.clone();
    }
    let kind = match g.soort {
        Soort::Lijn => "Lijngrafiek",
        Soort::Staaf => "Staafgrafiek",
        Soort::GestapeldeStaaf => "Gestapelde staafgrafiek",
    };
    let names: Vec<&str> = g.reeksen.iter().map(|r| r.naam.as_str()).collect();
    let mut text = kind.to_owned();
    match names.split_last() {
        Some((last, [])) => write!(text, " van {last}").unwrap(),
        Some((last, rest)) => write!(text, " van {} en {last}", rest.join(", ")).unwrap(),
        None => {}
    }
    if let Some(b) = &g.band {
        write!(text, ", met {}", b.naam).unwrap();
    }
    if let (Some(first), Some(last)) = (g.x_labels.first(), g.x_labels.last()) {
        write!(text, ", {first} tot en met {last}").unwrap();
    }
    if !g.heeft_gegevens() {
        text.push_str(": geen gegevens");
    }
    text.push('.');
    text
}

enum Swatch {
    Line(&'static str, Stijl),
    Block(&'static str),
    Band,
}

/// Writes the legend below the title, wrapping to more rows when needed;
/// returns the y where the legend ends.
fn legend(out: &mut String, g: &Grafiek, width: f64) -> f64 {
    let mut entries: Vec<(&str, Swatch)> = g
        .reeksen
        .iter()
        .enumerate()
        // A series without a single value has nothing to explain.
        .filter(|(_, r)| r.waarden.iter().any(|v| finite(*v).is_some()))
        .map(|(s, r)| {
            let swatch = match g.soort {
                Soort::Lijn => Swatch::Line(colour(s), r.stijl),
                Soort::Staaf | Soort::GestapeldeStaaf => Swatch::Block(colour(s)),
            };
            (r.naam.as_str(), swatch)
        })
        .collect();
    if let Some(b) = &g.band {
        entries.push((b.naam.as_str(), Swatch::Band));
    }
    let top = PAD + TITLE_SIZE + 10.0;
    let mut x = PAD;
    let mut row_centre = top + LEGEND_ROW / 2.0;
    for (name, swatch) in entries {
        let item_w = 22.0 + text_width(name, FONT_SIZE);
        if x > PAD && x + item_w > width - PAD {
            x = PAD;
            row_centre += LEGEND_ROW;
        }
        let y = row_centre;
        match swatch {
            Swatch::Line(c, stijl) => {
                let dash = if stijl == Stijl::Gestippeld { format!(" stroke-dasharray=\"{DASH}\"") } else { String::new() };
                let _ = write!(
                    out,
                    r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{c}" stroke-width="2.5"{dash}/>"#,
                    coord(x),
                    coord(y),
                    coord(x + 16.0),
                    coord(y)
                );
            }
            Swatch::Block(c) => {
                let _ = write!(out, r#"<rect x="{}" y="{}" width="12" height="12" fill="{c}"/>"#, coord(x + 2.0), coord(y - 6.0));
            }
            Swatch::Band => {
                let _ = write!(
                    out,
                    r#"<rect x="{}" y="{}" width="16" height="12" fill="{BAND_COLOUR}" fill-opacity="{BAND_OPACITY}"/>"#,
                    coord(x),
                    coord(y - 6.0)
                );
            }
        }
        let _ = write!(out, r#"<text x="{}" y="{}" font-size="12" fill="{TEXT}">{}</text>"#, coord(x + 22.0), coord(y + 4.0), escape(name));
        x += item_w + 18.0;
    }
    row_centre + LEGEND_ROW / 2.0
}

/// The colour of reference lines: dark enough against white and against the bars.
const DREMPEL: &str = "#333333";

/// Reference lines: a dashed segment across each slot where the line has a
/// value (consecutive slots at one level joined), the label at the right end
/// of the last segment. Labels closer than a line of text are moved apart: the
/// upper one above its line, the lower one below.
fn drempels(out: &mut String, g: &Grafiek, layout: &Layout) {
    let slot = layout.slot();
    let mut labels: Vec<(f64, f64, &str)> = Vec::new();
    for d in &g.drempels {
        let mut last: Option<(f64, f64)> = None;
        let mut i = 0;
        while i < layout.n {
            let Some(v) = d.waarden.get(i).copied().and_then(finite) else {
                i += 1;
                continue;
            };
            let start = i;
            while i + 1 < layout.n && d.waarden.get(i + 1).copied().and_then(finite) == Some(v) {
                i += 1;
            }
            let (x1, x2, y) = (layout.left + start as f64 * slot, layout.left + (i + 1) as f64 * slot, layout.y(v));
            let _ = write!(
                out,
                r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{DREMPEL}" stroke-width="1.5" stroke-dasharray="{DASH}"/>"#,
                coord(x1),
                coord(y),
                coord(x2),
                coord(y)
            );
            last = Some((x2, y));
            i += 1;
        }
        if let Some((x, y)) = last {
            labels.push((x, y, d.naam.as_str()));
        }
    }
    // Top to bottom; each label sits just above its line unless that would touch the one above.
    labels.sort_by(|a, b| a.1.total_cmp(&b.1));
    let mut previous: Option<f64> = None;
    for (x, y, naam) in labels {
        let mut baseline = y - 4.0;
        if let Some(p) = previous {
            if baseline - p < FONT_SIZE + 1.0 {
                baseline = (y + FONT_SIZE + 2.0).max(p + FONT_SIZE + 1.0);
            }
        }
        previous = Some(baseline);
        let w = text_width(naam, FONT_SIZE) + 4.0;
        let _ = write!(
            out,
            r##"<rect x="{}" y="{}" width="{}" height="{}" fill="#ffffff" fill-opacity="0.85"/>"##,
            coord(x - w - 2.0),
            coord(baseline - FONT_SIZE + 1.0),
            coord(w),
            coord(FONT_SIZE + 2.0)
        );
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" font-size="12" font-weight="bold" fill="{DREMPEL}" text-anchor="end">{}</text>"#,
            coord(x - 4.0),
            coord(baseline),
            escape(naam)
        );
    }
}

/// The whole chart.
pub(crate) fn svg(g: &Grafiek) -> String {
    let (w, h) = (g.breedte.max(1), g.hoogte.max(1));
    let (width, height) = (w as f64, h as f64);
    let id = id_prefix(g);
    let mut out = String::with_capacity(8 * 1024);
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-labelledby="{id}-titel {id}-desc" font-family="{FONT}">"#
    );
    let _ = write!(out, r#"<title id="{id}-titel">{}</title><desc id="{id}-desc">{}</desc>"#, escape(&g.titel), escape(&description(g)));
    let _ = write!(out, r##"<rect x="0" y="0" width="{w}" height="{h}" fill="#ffffff"/>"##);
    let _ = write!(
        out,
        r#"<text x="{}" y="{}" font-size="14" font-weight="bold" fill="{TEXT}">{}</text>"#,
        coord(PAD),
        coord(PAD + TITLE_SIZE - 2.0),
        escape(&g.titel)
    );

    if !g.heeft_gegevens() {
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" font-size="14" fill="{MUTED}" text-anchor="middle">Geen gegevens</text></svg>"#,
            coord(width / 2.0),
            coord(height / 2.0)
        );
        return out;
    }

    let legend_bottom = legend(&mut out, g, width);

    let (lo, hi) = value_range(g);
    let ticks = nice_ticks(lo, hi);
    let labels = tick_labels(g.eenheid, &ticks);
    let label_w = labels.iter().map(|l| text_width(l, FONT_SIZE)).fold(0.0, f64::max);
    let n = g.lengte().max(1);
    // A plot area of at least 10 × 10 px, so a tiny chart never gets negative sizes.
    let (left, top) = (PAD + label_w + 8.0, legend_bottom + 12.0);
    let layout = Layout {
        left,
        right: (width - PAD).max(left + 10.0),
        top,
        bottom: (height - 30.0).max(top + 10.0),
        n,
        y_min: ticks[0],
        y_max: *ticks.last().unwrap_or(&1.0),
    };

    // Gridlines and y labels; on a short chart every other label, so they never touch.
    let y_step = if ticks.len() > 1 { (layout.y(ticks[0]) - layout.y(ticks[1])).abs() } else { f64::INFINITY };
    let every = if y_step < FONT_SIZE + 2.0 { ((FONT_SIZE + 2.0) / y_step).ceil() as usize } else { 1 };
    for (k, (t, label)) in ticks.iter().zip(&labels).enumerate() {
        let y = coord(layout.y(*t));
        let _ = write!(
            out,
            r#"<line x1="{}" y1="{y}" x2="{}" y2="{y}" stroke="{GRID}" stroke-width="1"/>"#,
            coord(layout.left),
            coord(layout.right)
        );
        if k % every != 0 {
            continue;
        }
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" font-size="12" fill="{TEXT}" text-anchor="end">{}</text>"#,
            coord(layout.left - 8.0),
            coord(layout.y(*t) + 4.0),
            escape(label)
        );
    }

    // The band behind everything else.
    if let Some(b) = &g.band {
        for run in band_segments(&b.onder, &b.boven) {
            if run.len() == 1 {
                let (i, a, z) = run[0];
                let _ = write!(
                    out,
                    r#"<line x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="{BAND_COLOUR}" stroke-opacity="0.4" stroke-width="3"/>"#,
                    coord(layout.y(a)),
                    coord(layout.y(z)),
                    x = coord(layout.x(i))
                );
                continue;
            }
            let upper = run.iter().map(|&(i, _, z)| (i, z));
            let lower = run.iter().rev().map(|&(i, a, _)| (i, a));
            let points: Vec<String> = upper.chain(lower).map(|(i, v)| format!("{},{}", coord(layout.x(i)), coord(layout.y(v)))).collect();
            let _ =
                write!(out, r#"<polygon points="{}" fill="{BAND_COLOUR}" fill-opacity="{BAND_OPACITY}" stroke="none"/>"#, points.join(" "));
        }
    }

    for bar in bars(g, &layout) {
        let _ = write!(
            out,
            r##"<rect x="{}" y="{}" width="{}" height="{}" fill="{}"{}/>"##,
            coord(bar.x),
            coord(bar.y),
            coord(bar.w),
            coord(bar.h),
            colour(bar.series),
            if g.soort == Soort::GestapeldeStaaf { r##" stroke="#ffffff" stroke-width="0.5""## } else { "" }
        );
    }

    // The zero line: a baseline for bars, emphasised when asked for.
    if layout.y_min <= 0.0 && layout.y_max >= 0.0 && (g.nullijn || g.soort != Soort::Lijn) {
        let (stroke, sw) = if g.nullijn { ("#000000", "2") } else { ("#555555", "1") };
        let y = coord(layout.y(0.0));
        let _ = write!(
            out,
            r#"<line x1="{}" y1="{y}" x2="{}" y2="{y}" stroke="{stroke}" stroke-width="{sw}"/>"#,
            coord(layout.left),
            coord(layout.right)
        );
    }

    if g.soort == Soort::Lijn {
        for (s, r) in g.reeksen.iter().enumerate() {
            let c = colour(s);
            let dash = if r.stijl == Stijl::Gestippeld { format!(" stroke-dasharray=\"{DASH}\"") } else { String::new() };
            for run in segments(&r.waarden) {
                if let [(i, v)] = run.as_slice() {
                    // A lone point between gaps: a dot, since a one-point line is invisible.
                    let _ = write!(out, r#"<circle cx="{}" cy="{}" r="3" fill="{c}"/>"#, coord(layout.x(*i)), coord(layout.y(*v)));
                    continue;
                }
                let points: Vec<String> = run.iter().map(|&(i, v)| format!("{},{}", coord(layout.x(i)), coord(layout.y(v)))).collect();
                let _ = write!(
                    out,
                    r#"<polyline points="{}" fill="none" stroke="{c}" stroke-width="2" stroke-linejoin="round" stroke-linecap="round"{dash}/>"#,
                    points.join(" ")
                );
            }
        }
    }

    drempels(&mut out, g, &layout);

    // X labels, thinned so they do not collide.
    let widest = g.x_labels.iter().map(|l| text_width(l, FONT_SIZE)).fold(0.0, f64::max);
    let min_gap = ((widest + 12.0) / layout.slot()).ceil() as usize;
    for i in shown_labels(g.x_labels.len(), MAX_X_LABELS, min_gap) {
        let label = &g.x_labels[i];
        let half = text_width(label, FONT_SIZE) / 2.0;
        let x = layout.x(i).max(PAD + half).min(width - PAD - half);
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" font-size="12" fill="{TEXT}" text-anchor="middle">{}</text>"#,
            coord(x),
            coord(layout.bottom + 18.0),
            escape(label)
        );
    }

    out.push_str("</svg>");
    out
}
