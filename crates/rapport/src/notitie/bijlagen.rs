// SPDX-License-Identifier: EUPL-1.2
//! The appendices: bijlage 1, the shortfall per year; bijlage 2, the
//! commission's steps A–I with the rule's quantities, their status and
//! sources, the explanation and the sources of the outcome.

use buig_core::{nl, Year};
use buig_rules::Route;

use crate::doc::{gewoon, Blok, Tabel};
use crate::gedeeld::{opt_money, ONBEKEND};
use crate::notitie::invoer::NotitieInvoer;

/// Both appendices, each on a new page.
pub fn blokken(n: &NotitieInvoer) -> Vec<Blok> {
    let (t, r) = (n.jaar, n.r());
    let mut b = Vec::new();
    // --- Bijlage 1: specification per year ---
    b.push(Blok::Pagina);
    b.push(Blok::Kop1("Bijlage 1 — Specificatie van het tekort per jaar".into()));
    let eerste = r.meerjarig_jaren.first().copied().unwrap_or(t).min(t.offset(-2));
    let mut rijen = Vec::new();
    for y in Year::range(eerste, t) {
        let s = n.staat(y);
        let pct =
            if y == t { nl::percentage(r.tekort_percentage) } else { s.percentage.map(nl::percentage).unwrap_or_else(|| ONBEKEND.into()) };
        rijen.push(vec![
            y.to_string(),
            opt_money(s.budget),
            opt_money(s.lasten),
            opt_money(s.baten),
            opt_money(s.netto),
            opt_money(s.tekort),
            pct,
            s.bron.as_deref().map(nl::leesbare_bron).unwrap_or_else(|| "—".into()),
        ]);
    }
    b.push(Blok::Tabel(Tabel {
        kop: ["Jaar", "Definitief budget", "Lasten", "Baten", "Netto lasten", "Tekort", "Tekort in %", "Bron"].map(String::from).to_vec(),
        rijen,
        rechts: vec![false, true, true, true, true, true, true, false],
    }));
    b.push(Blok::Alinea(gewoon(
        "Tekort = netto lasten (lasten − baten) − definitief budget; een negatief tekort is een overschot. Het percentage is het tekort gedeeld door het definitieve budget van hetzelfde jaar. \"onbekend\" betekent: niet in de gegevens; er is niets geschat.",
    )));
    if !r.meerjarig_jaren.is_empty() {
        b.push(Blok::Alinea(gewoon(format!(
            "Gecumuleerd tekort {} (voorwaarde b): {}; drempel {} van het definitieve budget {t} = {}.",
            nl::jaren(&r.meerjarig_jaren),
            match (r.meerjarig_tekort, r.meerjarig_percentage) {
                (Some(m), Some(p)) => format!("{} ({} van het budget {t})", nl::money(m), nl::percentage(p)),
                _ => ONBEKEND.into(),
            },
            r.meerjarig_drempel_percentage.map(nl::rule_percentage).unwrap_or_default(),
            r.meerjarig_drempel_bedrag.map(nl::euro).unwrap_or_else(|| ONBEKEND.into())
        ))));
    }

    // --- Bijlage 2: steps A–I, sources, rule status ---
    b.push(Blok::Pagina);
    b.push(Blok::Kop1("Bijlage 2 — Berekening van de vangnetuitkering".into()));
    b.push(Blok::Alinea(gewoon(format!(
        "De stappen zoals de Toetsingscommissie vangnet Participatiewet ze publiceert. Toegepaste regel: {} ({}); status van de uitkomst: {}{}.",
        r.regel_titel,
        r.regel,
        r.status,
        if r.route == Route::Regulier { String::new() } else { format!("; route: {}", r.route) }
    ))));
    let stap_rijen = r
        .stappen
        .iter()
        .map(|s| {
            let bedrag = match s.bedrag {
                Some(b) if s.symbool.starts_with('H') => nl::euro_cent(b),
                Some(b) => nl::euro(b),
                None if s.symbool == "I" => format!("onbekend; indien voorwaarde b vervuld: {}", n.bedrag_indien()),
                None => ONBEKEND.into(),
            };
            vec![s.stap.clone(), s.symbool.clone(), s.omschrijving.clone(), bedrag]
        })
        .collect();
    b.push(Blok::Tabel(Tabel {
        kop: ["Stap", "Symbool", "Omschrijving", "Bedrag"].map(String::from).to_vec(),
        rijen: stap_rijen,
        rechts: vec![false, false, false, true],
    }));

    b.push(Blok::Kop2("Status van de regels".into()));
    let mut regels = vec![vec![
        "Drempel (voorwaarde a)".to_string(),
        format!("meer dan {} van B", nl::rule_percentage(n.regel.drempel.percentage)),
        n.regel.drempel.status.to_string(),
        nl::leesbare_bron(&n.regel.drempel.bron),
    ]];
    if let Some(m) = &n.regel.meerjarig {
        regels.push(vec![
            "Meerjarig tekort (voorwaarde b)".into(),
            format!("t-{}..t samen meer dan {} van B", m.jaren_terug, nl::rule_percentage(m.percentage)),
            m.status.to_string(),
            nl::leesbare_bron(&m.bron),
        ]);
    }
    for tr in &n.regel.treden {
        regels.push(vec![
            "Trede".into(),
            format!(
                "{} van het deel {} {}",
                nl::rule_percentage(tr.vergoeding),
                nl::rule_percentage(tr.van),
                tr.tot.map(|x| format!("tot {}", nl::rule_percentage(x))).unwrap_or_else(|| "en hoger".into())
            ),
            tr.status.to_string(),
            nl::leesbare_bron(&tr.bron),
        ]);
    }
    if let Some(v) = &n.regel.verlaagde_drempel {
        regels.push(vec![
            "Verlaagde drempel".into(),
            format!("meer dan {} van B", nl::rule_percentage(v.drempel.percentage)),
            v.drempel.status.to_string(),
            nl::leesbare_bron(&v.drempel.bron),
        ]);
    }
    if let Some(a) = &n.regel.aanhoudend {
        regels.push(vec![
            "Aanhoudend tekort (voorwaarde e)".into(),
            format!("verleend over t-{}..t-1", a.jaren_terug),
            a.status.to_string(),
            nl::leesbare_bron(&a.bron),
        ]);
    }
    regels.push(vec![
        "Procedure (voorwaarde d)".into(),
        if n.regel.procedure.instemming_raad { "instemming raad".into() } else { "informeren raad".into() },
        n.regel.procedure.status.to_string(),
        nl::leesbare_bron(&n.regel.procedure.bron),
    ]);
    regels.push(vec![
        "Indientermijn (voorwaarde c)".into(),
        n.deadline(),
        n.regel.termijn.status.to_string(),
        nl::leesbare_bron(&n.regel.termijn.bron),
    ]);
    b.push(Blok::Tabel(Tabel {
        kop: ["Regel", "Waarde", "Status", "Bron"].map(String::from).to_vec(),
        rijen: regels,
        rechts: vec![false, false, false, false],
    }));

    b.push(Blok::Kop2("Toelichting".into()));
    b.push(Blok::Lijst { genummerd: false, items: r.uitleg.iter().map(|u| gewoon(u.clone())).collect() });
    b.push(Blok::Kop2("Bronnen".into()));
    b.push(Blok::Lijst { genummerd: false, items: r.bronnen.iter().map(|b| gewoon(nl::leesbare_bron(b))).collect() });

    b
}
