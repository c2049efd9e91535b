// SPDX-License-Identifier: EUPL-1.2
//! The raadsvoorstel (model: seed 002) and the draft raadsbesluit, each on
//! its own page, with the same decision points as "Gevraagd besluit".

use buig_core::{nl, Year};
use buig_rules::{Route, Status};
use jiff::civil::Date;

use crate::doc::{gewoon, met_kop, Blok, Tekst};
use crate::gedeeld::ONBEKEND;
use crate::notitie::besluit::financieel;
use crate::notitie::invoer::NotitieInvoer;
use crate::notitie::maatregelen::plan_doel;
use crate::notitie::voorwaarden::b_tekst;

const IN_TE_VULLEN: &str = "[in te vullen]";

/// The raadsvoorstel (model: seed 002): Onderwerp, Voorstel, Inleiding,
/// Beoogd effect, Argumenten (conditions a–e with their numbers, the plan),
/// Kanttekeningen, Financiële consequenties, Uitvoering en vervolg.
pub fn blokken(v: &NotitieInvoer, besluit: &[Tekst]) -> Vec<Blok> {
    let (t, r) = (v.jaar, v.r());
    let ontbrekend = v.ontbrekende_jaren();
    let missend = v.zonder_bedrag(&ontbrekend);
    let (deadline, bedrag_indien) = (v.deadline(), v.bedrag_indien());
    let aanvraag = r.recht != Some(false);
    let oordeel = |b: Option<bool>| match b {
        Some(true) => "is vervuld",
        Some(false) => "is niet vervuld",
        None => "is nog niet vast te stellen",
    };
    let mut b = vec![
        Blok::Kop1("Raadsvoorstel".into()),
        Blok::Alinea(met_kop("Onderwerp: ", format!("Vangnet BUIG {t}"))),
        Blok::Alinea(met_kop("Datum: ", nl::date_long(v.datum))),
        Blok::Alinea(met_kop("Voorstelnummer: ", IN_TE_VULLEN)),
        Blok::Alinea(met_kop(
            "Portefeuillehouder: ",
            v.briefhoofd.as_ref().map(|b| b.portefeuillehouder.trim()).filter(|p| !p.is_empty()).unwrap_or(IN_TE_VULLEN),
        )),
    ];

    b.push(Blok::Kop2("Voorstel".into()));
    b.push(Blok::Alinea(gewoon("Het college stelt de raad voor te besluiten:")));
    b.push(Blok::Lijst { genummerd: true, items: besluit.to_vec() });

    b.push(Blok::Kop2("Inleiding".into()));
    b.push(Blok::Alinea(gewoon(format!(
        "Het BUIG-budget is de gebundelde uitkering die de gemeente van het Rijk ontvangt voor het betalen van de uitkeringen. Is het budget niet toereikend, dan kan het college onder voorwaarden bij de Toetsingscommissie vangnet Participatiewet een vangnetuitkering over het afgelopen jaar aanvragen. De gemeente {} had over {t} een tekort van {} op een {} van {}: {}{}.",
        v.naam,
        nl::money(v.tekort_t()),
        v.budget_woord(),
        nl::money(v.budget_t()),
        nl::percentage(r.tekort_percentage),
        if v.prognose() { " (prognose)" } else { "" }
    ))));
    b.push(Blok::Alinea(gewoon(format!(
        "De voorwaarden, de oorzaken van het tekort en de maatregelen staan in de notitie vangnet {t} hiervoor; de berekening staat in bijlage 2."
    ))));

    b.push(Blok::Kop2("Beoogd effect".into()));
    let maatregelen = v.plan.as_ref().map(|p| format!(" in het {}{}", p.titel, plan_doel(p))).unwrap_or_default();
    b.push(Blok::Alinea(gewoon(match (r.recht, r.vangnetuitkering) {
        (Some(true), Some(x)) => format!(
            "Toekenning van een vangnetuitkering van {}{} over {t}, die een deel van het tekort dekt, en een tekortreductie op de BUIG door de maatregelen{maatregelen}.",
            nl::money(x),
            v.werkhypothese()
        ),
        (Some(false), _) => format!("De raad kent het tekort over {t} en weet waarom daarover geen vangnetuitkering wordt aangevraagd."),
        _ => format!(
            "Indien voorwaarde b vervuld is: toekenning van een vangnetuitkering van {} over {t}, die een deel van het tekort dekt. Daarnaast een tekortreductie op de BUIG door de maatregelen{maatregelen}.",
            bedrag_indien
        ),
    })));

    // --- Argumenten: the conditions with their numbers ---
    b.push(Blok::Kop2("Argumenten".into()));
    let mut arg = vec![gewoon(format!(
        "Voorwaarde a (tekort over {t}) {}: het tekort van {} is {} van het {} van {}; de drempel is méér dan {} ({}).",
        oordeel(Some(r.voorwaarde_a)),
        nl::money(v.tekort_t()),
        nl::percentage(r.tekort_percentage),
        v.budget_woord(),
        nl::money(v.budget_t()),
        nl::rule_percentage(r.drempel_percentage),
        nl::euro(r.drempel_bedrag)
    ))];
    if r.route == Route::VerlaagdeDrempel {
        arg.push(gewoon(format!("Voorwaarde b (verlaagde drempel) {}. {}", oordeel(r.voorwaarde_b), b_tekst(v))));
    } else if let Some(m) = &v.regel.meerjarig {
        arg.push(gewoon(match (r.voorwaarde_b, r.meerjarig_tekort, r.meerjarig_percentage) {
            (Some(vervuld), Some(som), Some(p)) => format!(
                "Voorwaarde b (meerjarig tekort) {}: het gecumuleerde tekort over {} is {} ({} van het budget {t}); de drempel is méér dan {} ({}).",
                oordeel(Some(vervuld)),
                nl::jaren(&r.meerjarig_jaren),
                nl::money(som),
                nl::percentage(p),
                nl::rule_percentage(m.percentage),
                r.meerjarig_drempel_bedrag.map(nl::euro).unwrap_or_else(|| ONBEKEND.into())
            ),
            _ => format!(
                "Voorwaarde b (meerjarig tekort) {}: {}. Zie de kanttekeningen.",
                oordeel(r.voorwaarde_b),
                if missend.is_empty() { "een jaar ontbreekt".to_string() } else { missend.join("; ") }
            ),
        }));
    } else {
        arg.push(gewoon(format!("Voor {t} geldt geen meerjarige voorwaarde (b).")));
    }
    if aanvraag {
        arg.push(gewoon(format!(
            "Voorwaarde c (tijdige aanvraag): de Toetsingscommissie moet de aanvraag ({}) uiterlijk op {} hebben ontvangen ({}).",
            v.formulier_tekst(),
            deadline,
            v.termijn_stand()
        )));
        arg.push(gewoon(if r.instemming_raad {
            "Voorwaarde d (verklaring met instemming van de raad): het college verklaart dat het maatregelen heeft getroffen om tot tekortreductie te komen. Met de instemming bevestigt de raad dat het college voldoende duidelijk heeft gemaakt wat de oorzaken van het tekort zijn, dat het pakket maatregelen afdoende is om die aan te pakken, en dat het samen tot een beoogde tekortreductie leidt.".to_string()
        } else {
            format!("Voorwaarde d (verklaring van het college): voor {t} volstaat het informeren van de raad.")
        }));
        if v.regel.aanhoudend.is_some() {
            arg.push(gewoon(match (r.aanhoudend_tekort, v.vraag_e()) {
                (Some(true), _) => "Voorwaarde e (aanhoudend tekort) is van toepassing: het college verklaart ook welke aanvullende interne en externe maatregelen het heeft getroffen (uitgebreid verzoek).".to_string(),
                (None, Some(vraag)) => format!("Voorwaarde e (aanhoudend tekort): {vraag} Zie de kanttekeningen."),
                _ => format!("Voorwaarde e (aanhoudend tekort) is niet van toepassing: een {} volstaat.", v.formulier_tekst()),
            }));
        }
        for (wat, tekst) in [
            ("De oorzaken van het tekort", v.eigen_oorzaken()),
            ("De getroffen maatregelen", v.eigen_maatregelen()),
            (
                "De aanvullende maatregelen wegens het aanhoudende tekort",
                v.eigen_aanvullend().filter(|_| r.aanhoudend_tekort != Some(false)),
            ),
        ] {
            if let Some(t) = tekst {
                arg.push(gewoon(format!("{wat}, in de woorden van de gemeente: {}", eerste_alinea(t))));
            }
        }
        if let Some(p) = &v.plan {
            arg.push(gewoon(format!(
                "De maatregelen staan in het {}: {} acties in {} actielijnen{}. De notitie zet het doel af tegen de ontwikkeling van het bestand sinds de nulmeting.",
                p.titel,
                p.totalen.acties,
                p.actielijnen.len(),
                plan_doel(p)
            )));
        }
    } else {
        arg.push(gewoon(format!(
            "Omdat {}, is er over {t} geen recht op een vangnetuitkering. Het voorstel vraagt daarom niet om een aanvraag in te dienen.",
            v.niet_vervuld()
        )));
    }
    b.push(Blok::Lijst { genummerd: true, items: arg });

    // --- Kanttekeningen ---
    b.push(Blok::Kop2("Kanttekeningen".into()));
    let mut kant = Vec::new();
    if let Some(open) = v.open_voorwaarde() {
        let jaren: Vec<Year> = ontbrekend.clone();
        let wat = if missend.is_empty() { "een jaar ontbreekt".to_string() } else { missend.join("; ") };
        kant.push(gewoon(format!(
            "{} is met de beschikbare cijfers niet vast te stellen: {wat}. Vul het tekort en het definitieve budget over {} aan als bedrag, uit de jaarrekening of de SiSa-verantwoording (of de definitieve beschikking en de maandrealisatie), en maak dit voorstel opnieuw. Tot dan staan de besluitpunten die van {open} afhangen onder voorbehoud; blijkt {open} niet vervuld, dan wordt geen aanvraag ingediend.",
            nl::hoofdletter(open),
            if jaren.is_empty() { "de ontbrekende jaren".to_string() } else { nl::jaren(&jaren) }
        )));
    }
    match (r.recht, r.vangnetuitkering, r.eigen_risico) {
        (Some(true), Some(x), Some(e)) => kant.push(gewoon(format!(
            "De vangnetuitkering dekt maar een deel van het tekort: van het tekort van {} vergoedt zij {}; het eigen risico van de gemeente is {}.",
            nl::money(v.tekort_t()),
            nl::money(x),
            nl::money(e)
        ))),
        (None, _, _) => kant.push(gewoon(format!(
            "Ook als voorwaarde b vervuld is, dekt de vangnetuitkering van {} maar een deel van het tekort van {}; de rest blijft voor rekening van de gemeente (eigen risico).",
            bedrag_indien,
            nl::money(v.tekort_t())
        ))),
        _ => {}
    }
    if r.status == Status::Onbevestigd {
        kant.push(gewoon(format!(
            "De uitkomst steunt op regels die nog niet aan de wettekst zijn getoetst ({}); zie bijlage 2.",
            r.onbevestigd.join("; ")
        )));
    }
    if v.prognose() {
        kant.push(gewoon(format!(
            "Het tekort en het budget {t} zijn een prognose, geen realisatie: dit voorstel is een concept tot de jaarcijfers bekend zijn."
        )));
    }
    if let (true, Some(vraag)) = (aanvraag, v.vraag_e()) {
        kant.push(gewoon(format!(
            "Voorwaarde e: {vraag} Is die verleend, dan is een uitgebreid verzoek nodig met aanvullende interne en externe maatregelen; is die niet verleend, dan volstaat een basisverzoek. Leg het vast voordat de aanvraag wordt gedaan."
        )));
    }
    if aanvraag && v.termijn_verstreken() {
        kant.push(gewoon(format!(
            "De termijn is verstreken: de Toetsingscommissie moest de aanvraag uiterlijk op {} hebben ontvangen. Een aanvraag na die fatale termijn wordt niet in behandeling genomen.",
            v.deadline()
        )));
    }
    if aanvraag && (v.oorzaken_ontbreken() || v.maatregelen_ontbreken()) {
        let wat = match (v.oorzaken_ontbreken(), v.maatregelen_ontbreken()) {
            (true, true) => "De oorzaken van het tekort en de maatregelen zijn",
            (true, false) => "De oorzaken van het tekort zijn",
            _ => "De maatregelen zijn",
        };
        kant.push(gewoon(format!(
            "{wat} in de notitie nog in te vullen; vul ze aan voordat de raad over de verklaring van het college besluit."
        )));
    }
    if kant.is_empty() {
        b.push(Blok::Alinea(gewoon("Geen.")));
    } else {
        b.push(Blok::Lijst { genummerd: false, items: kant });
    }

    // --- Financiële consequenties ---
    b.push(Blok::Kop2("Financiële consequenties".into()));
    b.push(Blok::Alinea(gewoon(financieel(v))));
    if let Some(p) = v.plan.as_ref().filter(|p| p.totalen.acties_zonder_budget < p.totalen.acties) {
        b.push(Blok::Alinea(gewoon(format!(
            "Voor de acties in het {} is {} begroot{}.",
            p.titel,
            nl::money(p.totalen.budget),
            if p.totalen.acties_zonder_budget > 0 {
                format!(" ({} acties zonder budget)", p.totalen.acties_zonder_budget)
            } else {
                String::new()
            }
        ))));
    }

    // --- Uitvoering en vervolg ---
    b.push(Blok::Kop2("Uitvoering en vervolg".into()));
    let indienen = format!(
        "vult het college het aanvraagformulier ({}) in en dient het de aanvraag zo in dat de Toetsingscommissie vangnet Participatiewet die uiterlijk op {} heeft ontvangen (voorwaarde c){}",
        v.formulier_tekst(),
        deadline,
        if v.regel.termijn.bron.contains("fatale termijn") { "; deze termijn is fataal" } else { "" }
    );
    b.push(Blok::Alinea(gewoon(match r.recht {
        Some(true) => format!("Na het besluit van de raad {indienen}."),
        None => format!(
            "Eerst vult het college {} aan en wordt voorwaarde b opnieuw getoetst (zie de kanttekeningen). Blijkt voorwaarde b vervuld, dan {indienen}. Blijkt die niet vervuld, dan dient het college geen aanvraag in en informeert het de raad daarover.",
            if ontbrekend.len() > 1 { "de ontbrekende cijfers" } else { "het ontbrekende cijfer" }
        ),
        Some(false) => format!(
            "Er wordt geen aanvraag vangnetuitkering {t} ingediend; het tekort komt voor rekening van de gemeente (zie Financiële consequenties)."
        ),
    })));
    b.push(Blok::Alinea(gewoon(format!("Burgemeester en wethouders van de gemeente {},", v.naam))));
    b.push(Blok::Alinea(gewoon("de secretaris,                                        de burgemeester,")));
    b
}

/// The draft council decision (seed 002's raadsbesluit), with the same
/// decision points as "Gevraagd besluit" and the raadsvoorstel.
pub fn ontwerpbesluit(naam: &str, t: Year, datum: Date, besluit: Vec<Tekst>) -> Vec<Blok> {
    vec![
        Blok::Kop1("Ontwerpbesluit (raadsbesluit)".into()),
        Blok::Alinea(met_kop("Onderwerp: ", format!("Vangnet BUIG {t}"))),
        Blok::Alinea(gewoon(format!("De raad van de gemeente {naam};"))),
        Blok::Alinea(gewoon(format!(
            "gelezen het voorstel van burgemeester en wethouders van {}, nummer {IN_TE_VULLEN};",
            nl::date_long(datum)
        ))),
        Blok::Alinea(met_kop("besluit:", "")),
        Blok::Lijst { genummerd: true, items: besluit },
        Blok::Alinea(gewoon(format!("Aldus besloten in de openbare vergadering van {IN_TE_VULLEN}."))),
        Blok::Alinea(gewoon("De raad voornoemd,")),
        Blok::Alinea(gewoon("de griffier,                                        de voorzitter,")),
    ]
}

/// The first paragraph of a user's text, with a pointer to the rest when there is more.
fn eerste_alinea(t: &str) -> String {
    let t = t.replace("\r\n", "\n");
    let mut delen = t.split("\n\n").map(str::trim).filter(|a| !a.is_empty());
    let eerste = delen.next().unwrap_or_default().lines().map(str::trim).collect::<Vec<_>>().join(" ");
    if delen.next().is_some() {
        format!("{eerste} (verder in de notitie)")
    } else {
        eerste
    }
}
