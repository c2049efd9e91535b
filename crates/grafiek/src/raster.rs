// SPDX-License-Identifier: EUPL-1.2
//! The chart as a PNG picture, for documents that cannot hold SVG (DOCX).
//!
//! The SVG of [`crate::Grafiek::svg`] is rasterised with `resvg`. Fonts are
//! bundled (DejaVu Sans regular and bold, `fonts/`, licence beside them) and
//! loaded from memory: there is no system font lookup at run time, so the
//! picture is the same on every machine.

use std::sync::{Arc, OnceLock};

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{fontdb, Options, Tree};

const DEJAVU_SANS: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
const DEJAVU_SANS_BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");
const FAMILIE: &str = "DejaVu Sans";

/// The bundled fonts, loaded once.
fn fonts() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_font_data(DEJAVU_SANS.to_vec());
        db.load_font_data(DEJAVU_SANS_BOLD.to_vec());
        db.set_sans_serif_family(FAMILIE);
        db.set_serif_family(FAMILIE);
        Arc::new(db)
    })
    .clone()
}

/// Rasterises `svg` (a chart of `breedte` × `hoogte` px) at `schaal`.
pub(crate) fn png(svg: &str, breedte: u32, hoogte: u32, schaal: f32) -> Result<Vec<u8>, String> {
    if !(schaal.is_finite() && schaal > 0.0) {
        return Err(format!("schaal moet groter dan 0 zijn, niet {schaal}"));
    }
    let (w, h) = ((breedte.max(1) as f32 * schaal).round() as u32, (hoogte.max(1) as f32 * schaal).round() as u32);
    if w == 0 || h == 0 || w > 16_384 || h > 16_384 {
        return Err(format!("afmeting {w} × {h} px valt buiten 1–16384"));
    }
    let opt = Options { font_family: FAMILIE.to_owned(), fontdb: fonts(), ..Options::default() };
    let tree = Tree::from_str(svg, &opt).map_err(|e| format!("SVG niet te lezen: {e}"))?;
    let mut pixmap = Pixmap::new(w, h).ok_or_else(|| format!("geen afbeelding van {w} × {h} px te maken"))?;
    let size = tree.size();
    let transform = Transform::from_scale(w as f32 / size.width(), h as f32 / size.height());
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| format!("PNG maken mislukt: {e}"))
}
