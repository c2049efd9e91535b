// SPDX-License-Identifier: EUPL-1.2
//! The fictional peers of Voorbeeldstad in the demo database, so that the
//! comparison page shows what it is for: a line of all gemeenten and one of
//! the size class. Six invented gemeenten named "Voorbeeld-…" with codes
//! `GM9991`–`GM9996` (no CBS code), five of them in Voorbeeldstad's size class
//! (100.000 inwoners of meer), one smaller; only their spells and
//! inhabitants, from the same model as Voorbeeldstad's and the national file.
//! Each shows up on no page by name for the demo account (it has no role on
//! them): only summed in a comparison group, and only because they are at
//! least `MIN_GROEP` (five) others.

use buig_core::records::Inwoners;
use buig_core::{GemeenteCode, Year};

use crate::model::Model;
use crate::nationaal::generator;
use crate::SynthUitkering;

/// (code, name, inhabitants on 1 January 2026, benefits running per 1,000 inhabitants).
/// Fewer benefits per 1,000 than Voorbeeldstad (about 25): its shortfall story
/// is that of a gemeente above its peers. Kept small, so the demo loads fast.
pub const BUREN: [(&str, &str, u64, u64); 6] = [
    ("GM9991", "Voorbeeld-Noord", 101_800, 14),
    ("GM9992", "Voorbeeld-Oost", 104_650, 18),
    ("GM9993", "Voorbeeld-Zuid", 108_400, 12),
    ("GM9994", "Voorbeeld-West", 112_300, 16),
    ("GM9995", "Voorbeeld-Midden", 106_200, 13),
    ("GM9996", "Voorbeeld-Dorp", 52_100, 11),
];

/// Spells generated over 2015–2026 per ten benefits running at a time: Voorbeeldstad's ratio (10.250 for about 2.500).
const UITKERINGEN_PER_TIEN_LOPENDE: u64 = 41;
const SEED: u64 = 20_261_205;

/// One fictional peer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Buur {
    pub gemeente: GemeenteCode,
    pub naam: &'static str,
    /// 1 January 2015..=2026, growing about 0,5% a year to the 2026 count.
    pub inwoners: Vec<Inwoners>,
    pub uitkeringen: Vec<SynthUitkering>,
}

/// The fictional peers, always the same.
pub fn buren() -> Vec<Buur> {
    let model = Model::new(jiff::civil::date(2015, 1, 1), crate::demo::PEILDATUM);
    BUREN
        .iter()
        .map(|&(code, naam, inwoners_2026, per_1000)| {
            let gemeente: GemeenteCode = code.parse().expect("valid code");
            let inwoners = (2015..=2026)
                .map(|jaar| {
                    // 0,5% growth a year, exact in integers: n_2026 × 1000 / 1005^(2026-jaar) per step.
                    let aantal = (jaar..2026).fold(inwoners_2026, |n, _| n * 1_000 / 1_005);
                    Inwoners { gemeente, jaar: Year::new(jaar), aantal }
                })
                .collect();
            let quotum = inwoners_2026 * per_1000 / 1_000 * UITKERINGEN_PER_TIEN_LOPENDE / 10;
            let mut g = generator(gemeente, SEED, quotum);
            let mut volgnummer = 0;
            let uitkeringen = std::iter::from_fn(|| g.volgende(&model, &mut volgnummer)).collect();
            Buur { gemeente, naam, inwoners, uitkeringen }
        })
        .collect()
}

/// Whether `code` is a gemeente the demo invented (Voorbeeldstad or a peer), not a real one.
pub fn is_fictief(code: GemeenteCode) -> bool {
    let c = code.to_string();
    c == crate::VOORBEELDSTAD || BUREN.iter().any(|b| b.0 == c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_peers_are_fictional_codes_and_names_and_five_share_voorbeeldstads_size_class() {
        let b = buren();
        assert_eq!(b.len(), 6);
        for p in &b {
            assert!(p.naam.starts_with("Voorbeeld-"));
            assert!(buig_referentie::gemeenten().iter().all(|g| g.code != p.gemeente), "{} is a real code", p.gemeente);
            assert!(is_fictief(p.gemeente));
            assert!(!p.uitkeringen.is_empty());
            assert!(p.uitkeringen.iter().all(|u| u.gemeente == p.gemeente));
        }
        let groot = b.iter().filter(|p| p.inwoners.last().unwrap().aantal >= 100_000).count();
        assert_eq!(groot, 5, "at least MIN_GROEP (5) others in the size class of Voorbeeldstad");
        assert!(!is_fictief("GM0150".parse().unwrap()));
    }

    #[test]
    fn the_running_benefits_per_thousand_are_roughly_as_described() {
        let dag = jiff::civil::date(2024, 12, 31);
        for (p, &(_, _, inw, per_1000)) in buren().iter().zip(&BUREN) {
            let lopend = p.uitkeringen.iter().filter(|u| u.loopt_op(dag)).count() as u64;
            let werkelijk = lopend * 1000 / inw;
            assert!(werkelijk * 2 > per_1000 && werkelijk < per_1000 * 2, "{}: {werkelijk} per 1.000, described {per_1000}", p.naam);
        }
    }
}
