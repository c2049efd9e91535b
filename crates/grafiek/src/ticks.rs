// SPDX-License-Identifier: EUPL-1.2
//! "Nice numbers" for the y axis: ticks at 1, 2, 2.5 or 5 × 10^k, four to
//! six of them, covering the whole range of the data.

/// The mantissas a tick step may have.
const NICE: [f64; 4] = [1.0, 2.0, 2.5, 5.0];

/// Ticks from at or below `min` to at or above `max`, evenly spaced by a nice
/// step, fitting the data tightly with about five ticks.
/// An empty or inverted range is widened so there is always an axis.
pub(crate) fn nice_ticks(min: f64, max: f64) -> Vec<f64> {
    let (mut lo, mut hi) = if min <= max { (min, max) } else { (max, min) };
    if !lo.is_finite() || !hi.is_finite() {
        (lo, hi) = (0.0, 1.0);
    }
    if hi - lo == 0.0 {
        if lo == 0.0 {
            hi = 1.0;
        } else {
            // A single level: show it against zero.
            (lo, hi) = (lo.min(0.0), hi.max(0.0));
        }
    }
    let span = hi - lo;
    let magnitude = 10f64.powi((span / 5.0).log10().floor() as i32);
    // Score: how much of the axis the data fills, less a little for every
    // tick away from five; outside four to six ticks only as a last resort.
    let mut best: Option<(f64, Vec<f64>)> = None;
    for factor in [0.1, 1.0, 10.0] {
        for nice in NICE {
            let step = nice * magnitude * factor;
            let first = (lo / step + 1e-9).floor() as i64;
            let last = (hi / step - 1e-9).ceil() as i64;
            let count = (last - first + 1) as usize;
            let coverage = span / ((last - first) as f64 * step);
            let off = count.abs_diff(5) as f64;
            let score = coverage - 0.1 * off - if (4..=6).contains(&count) { 0.0 } else { 10.0 };
            let better = match &best {
                None => true,
                Some((b, _)) => score > *b + 1e-12,
            };
            if better {
                best = Some((score, (first..=last).map(|k| clean(k as f64 * step)).collect()));
            }
        }
    }
    best.map(|(_, ticks)| ticks).unwrap_or_else(|| vec![lo, hi])
}

/// Removes floating-point noise such as 0.30000000000000004 and -0.
fn clean(v: f64) -> f64 {
    let r = (v * 1e9).round() / 1e9;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}
