// SPDX-License-Identifier: EUPL-1.2
//! The "Notitie vangnet t" (SPEC §5, model: seed 002, Deventer 2023): the
//! decision asked of the council, conditions a–e with their numbers, the
//! financial consequences, the causes (the caseload of t-2..t) and the
//! measures (the action plan) — or "in te vullen" boxes without them —, the
//! raadsvoorstel and the draft raadsbesluit (the same decision points as
//! "Gevraagd besluit": conditional while the engine leaves a condition
//! unknown, without a request when one fails), and two appendices.
//!
//! Nothing is computed here: [`NotitieInvoer`] arrives with the year's
//! vangnet position from the budget view (the one call every view uses),
//! the years of bijlage 1, the counted caseload and the plan. Unknown
//! figures are written "onbekend", never estimated. One file per section.

pub mod besluit;
pub mod bijlagen;
pub mod invoer;
pub mod maatregelen;
pub mod oorzaken;
pub mod raadsvoorstel;
pub mod voorwaarden;

use buig_core::{nl, Year};

use crate::doc::{eigen_tekst, gewoon, Blok, Document};
pub use invoer::{JaarStaat, Nederland, NotitieInvoer, Oorzaken};

/// Writes the notitie.
pub fn notitie(n: &NotitieInvoer) -> Document {
    let t = n.jaar;
    let r = n.r();
    let besluit = besluit::punten(n);

    let mut blokken = Vec::new();
    // What the council must know before anything else: a deadline already
    // passed on the date of the notitie, and amounts resting on a working hypothesis.
    if n.termijn_verstreken() {
        blokken.push(Blok::Kader {
            titel: "Termijn verstreken".into(),
            items: vec![format!(
                "{} (de datum van deze notitie is {}). Een verzoek dat de Toetsingscommissie vangnet Participatiewet na die dag ontvangt, is te laat: het is een fatale termijn.",
                nl::hoofdletter(&n.termijn_stand()),
                nl::date_long(n.datum)
            )],
        });
    }
    if r.status == buig_rules::Status::Onbevestigd {
        blokken.push(Blok::Kader {
            titel: "Werkhypothese".into(),
            items: vec![format!(
                "De bedragen in deze notitie steunen deels op regels die nog niet in een officiële bron zijn bevestigd ({}). Ze zijn gemarkeerd als werkhypothese.",
                nl::opsomming(&r.onbevestigd)
            )],
        });
    }
    blokken.push(Blok::Kop1("Gevraagd besluit".into()));
    blokken.push(Blok::Lijst { genummerd: true, items: besluit.clone() });
    blokken.extend(besluit::kerncijfers(n));
    blokken.extend(voorwaarden::blokken(n));
    blokken.extend(besluit::financieel_blokken(n));

    // --- Oorzaken: the gemeente's own words, the counted caseload beside them; else to be filled in ---
    blokken.push(Blok::Kop1("Oorzaken van het tekort".into()));
    if let Some(t) = n.eigen_oorzaken() {
        blokken.extend(eigen_tekst(t));
    }
    match &n.oorzaken {
        Some(o) => blokken.extend(oorzaken::blokken(o, t, &n.naam)),
        None if n.oorzaken_ontbreken() => blokken.push(Blok::Kader {
            titel: "In te vullen".into(),
            items: vec!["Oorzaken van het tekort (vraag A van het aanvraagformulier): bijvoorbeeld het budgetaandeel, de samenstelling van het bestand en de dienstverlening.".to_string()],
        }),
        None => {}
    }

    // --- Maatregelen: the gemeente's own words and the action plan; else to be filled in ---
    blokken.push(Blok::Kop1("Maatregelen".into()));
    if let Some(t) = n.eigen_maatregelen() {
        blokken.extend(eigen_tekst(t));
    }
    let aanhoudend = r.aanhoudend_tekort != Some(false) && n.regel.aanhoudend.is_some();
    match &n.plan {
        Some(p) => blokken.extend(maatregelen::blokken(p, n)),
        None if n.maatregelen_ontbreken() => {
            let mut in_te_vullen = vec![
                "Getroffen interne en externe maatregelen (vraag B).".to_string(),
                "Het beoogde effect van de maatregelen op het tekort, kwantitatief of kwalitatief beschreven (vraag C).".to_string(),
            ];
            if aanhoudend && n.eigen_aanvullend().is_none() {
                in_te_vullen.push(
                    "Aanvullende interne en externe maatregelen wegens het aanhoudende tekort (voorwaarde e, uitgebreid verzoek)."
                        .to_string(),
                );
            }
            blokken.push(Blok::Kader { titel: "In te vullen".into(), items: in_te_vullen });
        }
        None => {}
    }
    if let Some(t) = n.eigen_aanvullend().filter(|_| aanhoudend) {
        blokken.push(Blok::Kop2("Aanvullende maatregelen wegens het aanhoudende tekort".into()));
        blokken.extend(eigen_tekst(t));
    }
    if n.oorzaken_ontbreken() || n.maatregelen_ontbreken() {
        blokken.push(Blok::Alinea(gewoon(
            "Wat hierboven \"in te vullen\" is, schrijft de gemeente zelf bij het vangnetjaar in de BUIG-monitor; de notitie neemt die tekst dan over.",
        )));
    }
    blokken.push(Blok::Alinea(gewoon(
        "Met de instemming bevestigt de raad dat het college de oorzaken, het pakket maatregelen en de beoogde tekortreductie voldoende duidelijk heeft gemaakt.",
    )));

    let waarschuwingen = let_op(n);
    if !waarschuwingen.is_empty() {
        blokken.push(Blok::Kop1("Let op".into()));
        blokken.push(Blok::Kader { titel: "Controleer vóór indiening".into(), items: waarschuwingen });
    }

    // --- Raadsvoorstel and ontwerpbesluit (model: seed 002), each on a new page ---
    blokken.push(Blok::Pagina);
    blokken.extend(raadsvoorstel::blokken(n, &besluit));
    blokken.push(Blok::Pagina);
    blokken.extend(raadsvoorstel::ontwerpbesluit(&n.naam, t, n.datum, besluit));
    blokken.extend(bijlagen::blokken(n));

    let titel = format!("Notitie vangnet {t} — {}", n.naam);
    let mut kenmerken = vec![("Gemeente".to_string(), n.wie()), ("Datum".to_string(), nl::date_long(n.datum))];
    if let Some(p) = n.peildatum {
        kenmerken.push(("Peildatum".into(), nl::date_long(p)));
    }
    kenmerken.push(("Cijfers".into(), if n.prognose() { "prognose (concept)".into() } else { "realisatie".into() }));
    kenmerken.push(("Regel".into(), format!("{} ({}), {}", r.regel_titel, r.regel, r.status)));
    Document { voettekst: format!("{titel} — pagina "), titel, kenmerken, blokken }
}

/// What to check before the request goes out: the engine's warnings in the
/// council's words (without those that name case-file keys).
fn let_op(n: &NotitieInvoer) -> Vec<String> {
    let (t, r) = (n.jaar, n.r());
    let mut waarschuwingen: Vec<String> = Vec::new();
    if n.prognose() {
        waarschuwingen
            .push(format!("Prognose: het tekort en het budget {t} zijn een raming, geen realisatie. Gebruik deze notitie als concept."));
    }
    let ontbrekend: Vec<Year> = r.meerjarig_jaren.iter().copied().filter(|y| !r.jaren.iter().any(|j| j.jaar == *y)).collect();
    for y in ontbrekend {
        waarschuwingen
            .push(format!("Het tekort over {y} is niet als bedrag bekend: voorwaarde b is daardoor niet te toetsen (zie bijlage 1)."));
    }
    if n.verleend_onbekend() {
        waarschuwingen.push(format!(
            "Niet vastgelegd of over {} een vangnetuitkering is verleend: stel dat vast vóór indiening, want het bepaalt of een basisverzoek of een uitgebreid verzoek nodig is.",
            nl::jaren(&r.aanhoudend_jaren)
        ));
    }
    if r.stappen.first().is_some_and(|s| s.bedrag.is_none()) {
        waarschuwingen.push(format!(
            "Lasten, baten en correcties over {t} zijn niet afzonderlijk bekend: stappen A tot en met D in bijlage 2 zijn daarom leeg."
        ));
    }
    for w in &r.waarschuwingen {
        let eigen = w.contains("ontbreekt (jaren.")
            || w.starts_with("vangnet_verleend")
            || w.contains("stappen A tot en met D")
            || w.starts_with("Werkhypothese")
            || w.contains("vangnetuitkering is verleend");
        if !eigen && !waarschuwingen.contains(w) {
            waarschuwingen.push(w.clone());
        }
    }
    waarschuwingen
}
