// SPDX-License-Identifier: EUPL-1.2
//! Every gemeente's caseload in one pass over the stored spells, and the
//! one rule that puts a gemeente in a size class. The comparison page, the
//! notitie's Nederland and the kwartaalmonitor all start here.

use std::collections::BTreeMap;

use buig_bestand::{Grootteklasse, Maand, Per, PerGemeente, Reeks, Vraag};
use buig_core::GemeenteCode;
use buig_store::Store;

use crate::Fout;

/// Every gemeente's series for one caseload question, with the inhabitants.
#[derive(Debug, Clone)]
pub struct Landelijk {
    pub reeksen: BTreeMap<GemeenteCode, Reeks>,
    /// Inhabitants on 1 January per (gemeente, year).
    pub inwoners: BTreeMap<(GemeenteCode, i32), u64>,
    pub vraag: Vraag,
}

/// The series of every gemeente in the store for `vraag`, in one streaming pass.
pub async fn landelijk(store: &Store, vraag: Vraag) -> Result<Landelijk, Fout> {
    let mut per = PerGemeente::new(&vraag);
    store.alle_uitkeringen(&mut |u| per.voeg_toe(&u)).await?;
    let reeksen = per.reeksen();
    let inwoners = store.alle_inwoners().await?.into_iter().map(|i| ((i.gemeente, i.jaar.get()), i.aantal)).collect();
    Ok(Landelijk { reeksen, inwoners, vraag })
}

/// The question of the comparison page: per year from 2015 up to today.
pub fn jaarvraag() -> Vraag {
    let tot = Maand::van_datum(crate::vandaag());
    Vraag::new(Maand::new(2015, 1).expect("valid month"), tot, Per::Jaar).expect("2015 lies before today")
}

/// The one size-class rule: the inhabitants on 1 January of the latest year
/// up to `tot_jaar` (any year without it) for which the gemeente has a
/// count. `None` when no count is known: no class is guessed.
pub fn grootteklasse(
    inwoners: &BTreeMap<(GemeenteCode, i32), u64>,
    code: GemeenteCode,
    tot_jaar: Option<i32>,
) -> Option<(Grootteklasse, i32)> {
    let tot = tot_jaar.unwrap_or(i32::MAX);
    inwoners.range((code, i32::MIN)..=(code, tot)).rev().find(|(_, n)| **n > 0).map(|((_, j), n)| (Grootteklasse::van(*n), *j))
}

impl Landelijk {
    /// The size class of `code` by [`grootteklasse`].
    pub fn klasse(&self, code: GemeenteCode, tot_jaar: Option<i32>) -> Option<(Grootteklasse, i32)> {
        grootteklasse(&self.inwoners, code, tot_jaar)
    }

    /// One gemeente's inhabitants per year.
    pub fn inwoners_van(&self, code: GemeenteCode) -> BTreeMap<i32, u64> {
        self.inwoners.range((code, i32::MIN)..=(code, i32::MAX)).map(|((_, j), n)| (*j, *n)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_size_class_is_that_of_the_latest_count_up_to_the_year() {
        let d: GemeenteCode = "GM0150".parse().unwrap();
        let inw = BTreeMap::from([((d, 2020), 19_500), ((d, 2024), 20_500)]);
        assert_eq!(grootteklasse(&inw, d, None), Some((Grootteklasse::Van20kTot50k, 2024)));
        assert_eq!(grootteklasse(&inw, d, Some(2023)), Some((Grootteklasse::Tot20k, 2020)));
        assert_eq!(grootteklasse(&inw, d, Some(2019)), None, "no count before: no class is guessed");
        assert_eq!(grootteklasse(&inw, "GM0005".parse().unwrap(), None), None);
    }
}
