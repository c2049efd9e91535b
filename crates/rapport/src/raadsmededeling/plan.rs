// SPDX-License-Identifier: EUPL-1.2
//! The progress of the action plan per action line, for the council.

use buig_core::{nl, Money};
use buig_grafiek::{Eenheid, Grafiek, Reeks, Soort};

use crate::doc::{gewoon, grafiek, met_kop, Blok, Tabel};
use crate::gedeeld::maand_label;

/// The plan in short: target, change since the nulmeting, statuses per line, actions at risk.
pub fn blokken(p: &buig_plan::Overzicht) -> Vec<Blok> {
    use buig_plan::Status;
    let mut b = Vec::new();
    let mut doel = Vec::new();
    if let Some(d) = p.doel_uitkeringen {
        doel.push(format!("{} uitkeringen minder", nl::aantal(d)));
    }
    if let Some(d) = p.doel_euro {
        doel.push(format!("{} besparing", nl::money(d)));
    }
    let mut zin = format!("Het plan telt {} acties in {} actielijnen", p.totalen.acties, p.actielijnen.len());
    if !doel.is_empty() {
        zin.push_str(&format!("; het doel is {}", doel.join(" en ")));
    }
    zin.push('.');
    if let Some(o) = &p.sinds_nulmeting {
        zin.push_str(&format!(
            " Sinds de nulmeting ({}: {} uitkeringen) is het bestand {} tot {} in {}.",
            maand_label(&o.nulmeting_maand),
            nl::aantal(o.stand_nulmeting),
            if o.verandering < 0 {
                format!("gedaald met {}", nl::aantal(-o.verandering))
            } else {
                format!("gestegen met {}", nl::aantal(o.verandering))
            },
            nl::aantal(o.stand_laatste),
            maand_label(&o.laatste_maand)
        ));
    }
    b.push(Blok::Alinea(gewoon(zin)));
    let telling =
        |l: &buig_plan::LijnRegel, s: Option<Status>| l.acties.iter().filter(|a| a.laatste_status.as_ref().map(|u| u.status) == s).count();
    let mut gp = Grafiek::new("Acties per actielijn naar laatste status", Soort::GestapeldeStaaf, Eenheid::Aantal);
    gp.x_labels = p.actielijnen.iter().map(|l| format!("{}. {}", l.nummer, l.naam)).collect();
    let mut kolommen: Vec<(String, Option<Status>)> = Status::ALLE.iter().map(|s| (s.tekst().to_string(), Some(*s))).collect();
    kolommen.push(("nog geen status".into(), None));
    for (naam, s) in &kolommen {
        gp.reeksen.push(Reeks::new(naam.clone(), p.actielijnen.iter().map(|l| Some(telling(l, *s) as f64)).collect()));
    }
    gp.hoogte = 360;
    b.extend(grafiek(gp));
    let mut kop = vec!["Actielijn".to_string(), "Acties".into()];
    kop.extend(kolommen.iter().map(|(n, _)| n.clone()));
    kop.push("Budget".into());
    kop.push("Beoogd effect (uitkeringen)".into());
    let rijen = p
        .actielijnen
        .iter()
        .map(|l| {
            let mut r = vec![format!("{}. {}", l.nummer, l.naam), l.acties.len().to_string()];
            r.extend(kolommen.iter().map(|(_, s)| telling(l, *s).to_string()));
            let budget: Money = l.acties.iter().filter_map(|a| a.actie.budget).sum();
            r.push(nl::money(budget));
            let effect: i64 = l.acties.iter().filter_map(|a| a.actie.effect_uitkeringen).sum();
            r.push(nl::aantal(effect));
            r
        })
        .collect();
    let n = kop.len();
    b.push(Blok::Tabel(Tabel { kop, rijen, rechts: (0..n).map(|i| i > 0).collect() }));
    let risico: Vec<String> = p
        .actielijnen
        .iter()
        .flat_map(|l| &l.acties)
        .filter_map(|a| {
            let u = a.laatste_status.as_ref()?;
            matches!(u.status, Status::Risico | Status::Achter).then(|| {
                format!(
                    "{} {} — {} ({}){}",
                    a.actie.code,
                    a.actie.titel,
                    u.status.tekst(),
                    u.kwartaal,
                    u.notitie.as_deref().map(|n| format!(": {n}")).unwrap_or_default()
                )
            })
        })
        .collect();
    if !risico.is_empty() {
        b.push(Blok::Kader { titel: "Acties met risico of achter op schema".into(), items: risico });
    }
    b.push(Blok::Alinea(met_kop("Bron: ", buig_core::nl::leesbare_bron(&p.bron))));
    b
}
