// SPDX-License-Identifier: EUPL-1.2
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
        sturing: None,
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
    let met_budget: Vec<(&str, Option<Money>)> =
        p.acties.iter().filter(|a| a.budget.is_some()).map(|a| (a.code.as_str(), a.budget)).collect();
    assert_eq!(met_budget, [("1B", Some(Money::from_euros(400_000)))], "the seed budgets only the jongerenaanpak as one action");
    assert_eq!(p.risicos.len(), 6, "hoofdstuk 6 names six risks");
    assert_eq!(p.risicos[4].risico, "Onvoldoende resultaat van deze aanpak; is er een ander scenario?");
    assert!(p.risicos.iter().all(|r| !r.beheersmaatregel.is_empty() && r.kans.is_none()));
    assert!(p.sturing.as_deref().unwrap().starts_with("Stuurgroep"));
}

#[test]
fn the_bundled_evaluations_of_seed_002_cover_every_action() {
    use buig_plan::{voorbeeld_evaluaties, Oordeel};
    let p = voorbeeld_deventer();
    let e = voorbeeld_evaluaties();
    let codes: Vec<&str> = e.iter().map(|x| x.actie.as_str()).collect();
    assert_eq!(codes, p.acties.iter().map(|a| a.code.as_str()).collect::<Vec<_>>(), "one per action, in plan order");
    let tel = |o: Oordeel| e.iter().filter(|x| x.oordeel == o).count();
    // Seed 002: 3D "dit specifieke traject stopt" and 3N "niet verder gebracht" stop; five go on in the vangnet request.
    assert_eq!((tel(Oordeel::Stoppen), tel(Oordeel::Voortzetten), tel(Oordeel::Regulier)), (2, 5, 18));
    assert!(e.iter().all(|x| !x.toelichting.is_empty() && x.datum == date(2024, 3, 31)));
    // A reason with a semicolon stays whole (the file is ';'-separated).
    let c1 = e.iter().find(|x| x.actie == "1C").unwrap();
    assert!(c1.toelichting.ends_with("begeleiding 'specials' vastleggen in nieuwe DVO."), "{}", c1.toelichting);
}

#[test]
fn a_risk_row_with_an_unquoted_separator_is_refused_not_cut_short() {
    let t = buig_plan::tabel_uit_csv("risico;beheersmaatregel\nKrapte;Werven; en opleiden\n".as_bytes()).unwrap();
    let e = buig_plan::lees_risicos(&t).unwrap_err();
    assert_eq!(e.rij, Some(2));
    assert!(e.to_string().contains("3 kolommen, de kopregel heeft er 2"), "{e}");
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
    let u = |k: &str, s| Statusupdate {
        actie: "1A".into(),
        kwartaal: k.parse().unwrap(),
        status: s,
        gerealiseerd: None,
        kosten: None,
        notitie: None,
    };
    let o = overzicht(&p, &[u("2023-K3", Status::Risico), u("2023-K1", Status::OpSchema)], None);
    let a = &o.actielijnen[0].acties[0];
    assert_eq!(a.laatste_status.as_ref().unwrap().status, Status::Risico);
    assert_eq!(o.totalen.per_status.get("risico"), Some(&1));
    assert_eq!(o.totalen.per_status.get("geen"), Some(&24));
}

fn uitkering(id: &str, start: jiff::civil::Date, eind: Option<jiff::civil::Date>) -> Uitkering {
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
    let uitkeringen = vec![
        uitkering("a", date(2021, 1, 1), None),
        uitkering("b", date(2021, 1, 1), Some(date(2023, 3, 15))),
        uitkering("c", date(2022, 6, 1), Some(date(2023, 5, 31))),
        uitkering("d", date(2023, 2, 1), None),
    ];
    let o = sinds_nulmeting(&uitkeringen, date(2022, 12, 31)).unwrap();
    assert_eq!((o.nulmeting_maand.as_str(), o.stand_nulmeting), ("2022-12", 3));
    assert_eq!((o.laatste_maand.as_str(), o.stand_laatste), ("2023-05", 2));
    assert_eq!(o.verandering, -1);
    assert_eq!(sinds_nulmeting(&uitkeringen, date(2023, 6, 30)), None, "no data after the baseline: unknown");
    assert_eq!(sinds_nulmeting(&[], date(2022, 12, 31)), None);
}

fn upd(actie: &str, k: &str, status: Status, gerealiseerd: Option<&str>, kosten: Option<i64>) -> Statusupdate {
    Statusupdate {
        actie: actie.into(),
        kwartaal: k.parse().unwrap(),
        status,
        gerealiseerd: gerealiseerd.map(|g| g.parse().unwrap()),
        kosten: kosten.map(Money::from_euros),
        notitie: None,
    }
}

#[test]
fn progress_per_action_and_line_is_computed_from_targets_statuses_and_costs() {
    let csv = "lijn;code;titel;doelwaarde;budget\n1;1A;A;10;1000\n1;1B;B;40;\n1;1C;C;;3000\n2;2A;D;5;\n";
    let p = lees_csv(csv.as_bytes(), kop()).unwrap();
    let updates = [
        upd("1A", "2023-K1", Status::OpSchema, Some("2"), Some(100)),
        upd("1A", "2023-K2", Status::Risico, Some("4"), Some(150)),
        upd("1B", "2023-K2", Status::OpSchema, Some("30"), None),
        upd("1C", "2023-K2", Status::Achter, Some("7"), Some(600)),
    ];
    let o = overzicht(&p, &updates, None);
    let l1 = &o.actielijnen[0];
    // 1A: latest realised 4 of 10 = 40%; 1B: 30 of 40 = 75%; 1C has no target.
    assert_eq!(l1.acties[0].realisatie_pct.unwrap().to_string(), "40.0");
    assert_eq!(l1.acties[1].realisatie_pct.unwrap().to_string(), "75.0");
    assert_eq!(l1.acties[2].realisatie_pct, None);
    assert_eq!(l1.voortgang.acties_gemeten, 2);
    assert_eq!(l1.voortgang.gemiddelde_realisatie_pct.unwrap().to_string(), "57.5");
    // Costs add up over quarters; against the budgets of the actions that have one.
    assert_eq!(l1.acties[0].kosten, Some(Money::from_euros(250)));
    assert_eq!(l1.acties[0].kosten_pct_budget.unwrap().to_string(), "25.0");
    assert_eq!(l1.voortgang.budget, Money::from_euros(4000));
    assert_eq!(l1.voortgang.kosten, Money::from_euros(850));
    assert_eq!(l1.voortgang.kosten_pct_budget.unwrap().to_string(), "21.3", "850 / 4000");
    assert_eq!(l1.voortgang.per_status.get("risico"), Some(&1));
    // Line 2 has nothing measured: unknown, not zero.
    assert_eq!(o.actielijnen[1].voortgang.gemiddelde_realisatie_pct, None);
    assert_eq!(o.actielijnen[1].voortgang.kosten_pct_budget, None);
    assert_eq!(o.totalen.voortgang.kosten, Money::from_euros(850));
    let t = buig_plan::render_tekst(&o);
    assert!(
        t.contains("Voortgang: 2 van 3 acties gemeten, gemiddeld 57,5% van het doel; besteed € 850 van budget € 4.000 (21,3%)."),
        "{t}"
    );
    assert!(t.contains("40,0% van het doel; besteed € 250 van budget € 1.000"), "{t}");
}

#[test]
fn a_target_to_bring_a_level_down_counts_from_its_start_value() {
    // 1B: from 320 jongeren in de uitkering to 200 (seed 001).
    let p = voorbeeld_deventer();
    let b = p.acties.iter().find(|a| a.code == "1B").unwrap();
    assert_eq!((b.startwaarde.unwrap().to_string(), b.doelwaarde.unwrap().to_string()), ("320".into(), "200".into()));
    let pct =
        |g: &str| overzicht(&p, &[upd("1B", "2023-K4", Status::OpSchema, Some(g), None)], None).actielijnen[0].acties[1].realisatie_pct;
    assert_eq!(pct("260").unwrap().to_string(), "50.0");
    assert_eq!(pct("200").unwrap().to_string(), "100.0");
    assert_eq!(pct("340").unwrap().to_string(), "-16.7", "further from the target than at the start");
    let e = lees_csv("lijn;code;titel;startwaarde\n1;1A;X;veel\n".as_bytes(), kop()).unwrap_err();
    assert_eq!((e.rij, e.kolom.as_deref()), (Some(2), Some("startwaarde")));
}

#[test]
fn the_latest_evaluation_counts_and_the_detail_keeps_every_quarter() {
    use buig_plan::{actie_detail, overzicht_met, Evaluatie, Oordeel};
    let p = voorbeeld_deventer();
    let updates = [
        upd("1B", "2023-K3", Status::Achter, Some("260"), Some(50_000)),
        upd("1B", "2023-K1", Status::OpSchema, Some("300"), Some(100_000)),
        upd("2A", "2023-K1", Status::Gereed, None, None),
    ];
    let evals = [
        Evaluatie { actie: "1B".into(), datum: date(2023, 6, 1), oordeel: Oordeel::Voortzetten, toelichting: "loopt".into() },
        Evaluatie { actie: "1B".into(), datum: date(2024, 1, 15), oordeel: Oordeel::Regulier, toelichting: "borgen".into() },
    ];
    let o = overzicht_met(&p, &updates, &evals, None);
    let b = &o.actielijnen[0].acties[1];
    assert_eq!(b.evaluatie.as_ref().unwrap().oordeel, Oordeel::Regulier);
    assert_eq!(o.totalen.voortgang.per_oordeel.get("regulier"), Some(&1));
    assert_eq!(o.totalen.voortgang.per_oordeel.get("geen"), Some(&24));
    let d = actie_detail(&p, "1b", &updates, &evals).unwrap();
    assert_eq!(d.historie.iter().map(|u| u.kwartaal.to_string()).collect::<Vec<_>>(), ["2023-K1", "2023-K3"]);
    assert_eq!(d.regel.kosten, Some(Money::from_euros(150_000)));
    assert_eq!(d.budget_resterend, Some(Money::from_euros(250_000)));
    assert_eq!(d.evaluaties.len(), 2);
    assert_eq!(d.lijn_naam, "Voorkómen dat Deventenaren in de uitkering instromen");
    assert!(actie_detail(&p, "9Z", &updates, &evals).is_none());
}

fn xlsx(acties: &[&[&str]], risicos: Option<&[&[&str]]>) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("acties").unwrap();
    for (r, rij) in acties.iter().enumerate() {
        for (c, cel) in rij.iter().enumerate() {
            match cel.parse::<f64>() {
                Ok(n) if r > 0 => ws.write_number(r as u32, c as u16, n).unwrap(),
                _ => ws.write_string(r as u32, c as u16, *cel).unwrap(),
            };
        }
    }
    if let Some(risicos) = risicos {
        let ws = wb.add_worksheet().set_name("Risico's").unwrap();
        for (r, rij) in risicos.iter().enumerate() {
            for (c, cel) in rij.iter().enumerate() {
                ws.write_string(r as u32, c as u16, *cel).unwrap();
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn an_xlsx_plan_is_read_with_numbers_as_numbers_and_its_risk_sheet() {
    let b = xlsx(
        &[&["lijn", "code", "titel", "budget", "doelwaarde"], &["1", "1A", "Jongeren", "150000.5", "12"], &["3", "3A", "LKS", "", "2.5"]],
        Some(&[&["risico", "beheersmaatregel", "kans"], &["Krapte", "Werven", "hoog"]]),
    );
    let p = buig_plan::lees_xlsx(&b, None, kop()).unwrap();
    assert_eq!(p.acties[0].budget, Some(Money::from_cents(15_000_050)));
    assert_eq!(p.acties[1].doelwaarde.unwrap().to_string(), "2.5");
    assert_eq!(p.risicos.len(), 1);
    assert_eq!(p.risicos[0].kans, Some(buig_plan::Niveau::Hoog));
}

#[test]
fn a_bad_xlsx_row_is_refused_with_excel_row_and_column() {
    let b = xlsx(&[&["lijn", "code", "titel", "soort"], &["1", "1A", "Jongeren", "intern"], &["2", "2A", "Bank", "beide"]], None);
    let e = buig_plan::lees_xlsx(&b, None, kop()).unwrap_err();
    assert_eq!((e.rij, e.kolom.as_deref()), (Some(3), Some("soort")), "{e}");
    let b =
        xlsx(&[&["lijn", "code", "titel"], &["1", "1A", "X"]], Some(&[&["risico", "beheersmaatregel", "impact"], &["R", "B", "enorm"]]));
    let e = buig_plan::lees_xlsx(&b, None, kop()).unwrap_err();
    assert_eq!((e.rij, e.kolom.as_deref()), (Some(2), Some("impact")), "{e}");
    assert!(e.to_string().contains("blad risico's"), "{e}");
    let e = buig_plan::lees_xlsx(b"geen xlsx", None, kop()).unwrap_err();
    assert!(e.to_string().contains("geen leesbaar XLSX-bestand"), "{e}");
    let e = buig_plan::lees_xlsx(&b, Some("plan"), kop()).unwrap_err();
    assert!(e.to_string().contains("blad \"plan\" bestaat niet; bladen: acties, Risico's"), "{e}");
}

#[path = "../../import/tests/vijandig/mod.rs"]
mod vijandig;

#[test]
fn a_plan_workbook_with_one_cell_in_a1_and_one_in_xfd1048576_is_read_by_its_cells_and_refused_at_the_far_cell() {
    let e = buig_plan::lees_xlsx(&vijandig::ijl(), None, kop()).unwrap_err();
    assert_eq!(e.to_string(), "rij 1048576: 16384 kolommen, de kopregel heeft er 1");
}

#[test]
fn a_plan_workbook_that_inflates_past_the_limit_is_refused_naming_the_limit() {
    for bom in [vijandig::zipbom(), vijandig::zipbom_die_liegt()] {
        let e = buig_plan::lees_xlsx(&bom, None, kop()).unwrap_err();
        assert!(e.to_string().starts_with("het bestand is uitgepakt te groot") && e.to_string().contains("128 MB"), "{e}");
    }
}

#[test]
fn a_plan_of_more_than_ten_thousand_rows_is_refused_before_it_is_held() {
    let mut csv = String::from("lijn;code;titel\n");
    for i in 0..=buig_plan::MAX_RIJEN {
        csv.push_str(&format!("1;1A{i};Actie\n"));
    }
    let e = lees_csv(csv.as_bytes(), kop()).unwrap_err();
    assert!(e.to_string().contains("meer dan 10.000 rijen"), "{e}");
}
