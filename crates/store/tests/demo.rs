// SPDX-License-Identifier: EUPL-1.2
//! The demo dataset loads completely, once, with the seed figures and their sources.

use buig_core::records::BudgetSoort;
use buig_core::{GemeenteCode, Money, Year};
use buig_store::Store;

fn gm(s: &str) -> GemeenteCode {
    s.parse().unwrap()
}

#[tokio::test]
async fn the_demo_brings_voorbeeldstad_and_the_seed_figures() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&format!("sqlite://{}", dir.path().join("demo.db").display())).await.unwrap();
    let parts = store.laad_demo().await.unwrap();
    assert_eq!(parts.len(), 7, "Voorbeeldstad's four kinds, the seed budgets, the peers' spells and inhabitants");

    // The fictional peers: named as such, with spells and inhabitants, no budgets.
    for (code, naam, inwoners_2026, _) in buig_synth::BUREN {
        let g = gm(code);
        assert_eq!(store.gemeente(g).await.unwrap().unwrap().naam, naam);
        assert!(buig_store::demo::is_fictief(g));
        assert!(!store.uitkeringen(g).await.unwrap().is_empty());
        assert_eq!(store.inwoners(g).await.unwrap().last().map(|i| i.aantal), Some(inwoners_2026));
        assert!(store.budgetten(g).await.unwrap().is_empty());
    }

    let vs = gm(buig_synth::VOORBEELDSTAD);
    assert_eq!(store.gemeente(vs).await.unwrap().unwrap().naam, "Voorbeeldstad");
    assert!(store.uitkeringen(vs).await.unwrap().len() > 5_000);
    assert_eq!(store.realisatie(vs).await.unwrap().len(), 142);
    let b = store.budgetten(vs).await.unwrap();
    assert!(b.iter().any(|x| x.jaar == Year::new(2023) && x.soort == BudgetSoort::Definitief));

    let bedum = store.jaarcijfers(gm("GM0005")).await.unwrap();
    assert_eq!(bedum.len(), 5);
    assert_eq!(bedum[4].stadium, buig_core::records::Stadium::Prognose);
    assert_eq!(bedum[4].tekort, Some(Money::from_euros(214_223)));
    let deventer = store.jaarcijfers(gm("GM0150")).await.unwrap();
    let d2023 = |s| deventer.iter().find(|j| j.jaar == Year::new(2023) && j.stadium == s).unwrap().tekort;
    assert_eq!(d2023(buig_core::records::Stadium::Realisatie), Some(Money::from_euros(3_448_580)), "seed 002");
    assert_eq!(d2023(buig_core::records::Stadium::Prognose), Some(Money::from_euros(3_412_120)), "implied by seed 000's € 131.640");
    assert!(!deventer.iter().any(|j| j.jaar == Year::new(2024)), "seed 000's € 304.000 is no BUIG figure");
    let v = store.verleend(gm("GM0150")).await.unwrap();
    assert_eq!((v[0].jaar, v[0].verleend, v[0].bedrag), (Year::new(2022), true, Some(Money::from_euros(442_000))), "seed 000");
    let d_budget = store.budgetten(gm("GM0150")).await.unwrap();
    assert_eq!(d_budget.iter().find(|x| x.jaar == Year::new(2023)).unwrap().bedrag, Money::from_euros(41_984_531));

    // Twice: nothing changes.
    assert!(store.laad_demo().await.unwrap().is_empty());
    assert_eq!(store.jaarcijfers(gm("GM0005")).await.unwrap().len(), 5);
}
