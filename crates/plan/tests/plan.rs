//! The aanvalsplan library: the bundled Deventer plan, CSV errors, progress since the baseline.

use buig_core::records::{ClientPseudoniem, Regeling, Uitkering};
use buig_core::Money;
use buig_plan::{lees_csv, overzicht, sinds_nulmeting, voorbeeld_deventer, PlanKop, Status, Statusupdate};
use jiff::civil::date;

fn kop() -> PlanKop {
    PlanKop {
        gemeente: "GM0150".parse().unwrap(),
        titel: "Test".into(),
        van: None,
        tot: None,
        doel_uitkeringen: Some(300),
        doel_euro: None,
        nulmeting: None,
        bron: "test.csv".into(),
    }
}

#[test]
fn the_bundled_deventer_plan_has_25_actions_in_three_lines() {
    let p = voorbeeld_deventer();
    assert_eq!(p.acties.len(), 25);
    assert_eq!(p.actielijnen.iter().map(|l| l.nummer).collect::<Vec<_>>(), [1, 2, 3]);
    let per_lijn: Vec<usize> = [1, 2, 3].iter().map(|n| p.acties.iter().filter(|a| a.lijn == *n).count()).collect();
    assert_eq!(per_lijn, [6, 5, 14], "1A–1F, 2A–2E, 3A–3N");
    assert_eq!(p.acties.first().unwrap().code, "1A");
    assert_eq!(p.acties.last().unwrap().code, "3N");
    assert_eq!(p.doel_uitkeringen, Some(300));
    assert_eq!(p.doel_euro, Some(Money::from_euros(1_500_000)));
    let e2 = p.acties.iter().find(|a| a.code == "2E").unwrap();
    assert_eq!(e2.trekker.as_deref(), Some("Lambert Manden"));
    assert_eq!(e2.doelwaarde.unwrap().to_string(), "50");
    assert!(p.acties.iter().all(|a| a.budget.is_none()), "the seed gives no budget per action");
}

#[test]
fn a_bad_row_is_refused_with_row_and_column() {
    let csv = "lijn;code;titel;budget\n1;1A;Jongeren;1000\n2;2A;Bank;veel\n";
    let e = lees_csv(csv.as_bytes(), kop()).unwrap_err();
    assert_eq!((e.rij, e.kolom.as_deref()), (Some(3), Some("budget")));
    assert!(e.to_string().starts_with("rij 3, kolom budget: \"veel\" is geen bedrag"), "{e}");

    let e = lees_csv("lijn,code,titel\n1,2A,Verkeerde lijn\n".as_bytes(), kop()).unwrap_err();
    assert_eq!(e.to_string(), "rij 2, kolom code: \"2A\" past niet bij actielijn 1: de code begint met het lijnnummer, bijvoorbeeld 1A");
    let e = lees_csv("lijn,code,titel\n1,1A,X\n1,1a,Y\n".as_bytes(), kop()).unwrap_err();
    assert_eq!((e.rij, e.kolom.as_deref()), (Some(3), Some("code")));
    let e = lees_csv("lijn,code\n1,1A\n".as_bytes(), kop()).unwrap_err();
    assert_eq!(e.to_string(), "rij 1, kolom titel: verplichte kolom ontbreekt");
    let e = lees_csv("lijn;code;titel;start;eind\n1;1A;X;2023-K3;2023-K1\n".as_bytes(), kop()).unwrap_err();
    assert_eq!((e.rij, e.kolom.as_deref()), (Some(2), Some("eind")));
}

#[test]
fn comma_files_with_dutch_amounts_are_read() {
    let csv = "lijn,lijn_naam,code,titel,budget,soort,effect_uitkeringen\n3,Uitstroom,3A,LKS,\"€ 150.000,00\",extern,60\n";
    let p = lees_csv(csv.as_bytes(), kop()).unwrap();
    assert_eq!(p.acties[0].budget, Some(Money::from_euros(150_000)));
    assert_eq!(p.acties[0].effect_uitkeringen, Some(60));
    assert_eq!(p.actielijnen[0].naam, "Uitstroom");
}

#[test]
fn the_latest_quarter_is_the_status_shown() {
    let p = voorbeeld_deventer();
    let u = |k: &str, s| Statusupdate { actie: "1A".into(), kwartaal: k.parse().unwrap(), status: s, gerealiseerd: None, notitie: None };
    let o = overzicht(&p, &[u("2023-K3", Status::Risico), u("2023-K1", Status::OpSchema)], None);
    let a = &o.actielijnen[0].acties[0];
    assert_eq!(a.laatste_status.as_ref().unwrap().status, Status::Risico);
    assert_eq!(o.totalen.per_status.get("risico"), Some(&1));
    assert_eq!(o.totalen.per_status.get("geen"), Some(&24));
}

fn spell(id: &str, start: jiff::civil::Date, eind: Option<jiff::civil::Date>) -> Uitkering {
    Uitkering {
        gemeente: "GM0150".parse().unwrap(),
        client: ClientPseudoniem(id.into()),
        regeling: Regeling::Pw,
        startdatum: start,
        einddatum: eind,
        reden_einde: None,
        geboortedatum: None,
        huishouden: None,
    }
}

#[test]
fn the_caseload_change_since_the_baseline_comes_from_the_spells() {
    let spells = vec![
        spell("a", date(2021, 1, 1), None),
        spell("b", date(2021, 1, 1), Some(date(2023, 3, 15))),
        spell("c", date(2022, 6, 1), Some(date(2023, 5, 31))),
        spell("d", date(2023, 2, 1), None),
    ];
    let o = sinds_nulmeting(&spells, date(2022, 12, 31)).unwrap();
    assert_eq!((o.nulmeting_maand.as_str(), o.stand_nulmeting), ("2022-12", 3));
    assert_eq!((o.laatste_maand.as_str(), o.stand_laatste), ("2023-05", 2));
    assert_eq!(o.verandering, -1);
    assert_eq!(sinds_nulmeting(&spells, date(2023, 6, 30)), None, "no data after the baseline: unknown");
    assert_eq!(sinds_nulmeting(&[], date(2022, 12, 31)), None);
}
