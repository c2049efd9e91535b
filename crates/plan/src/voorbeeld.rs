// SPDX-License-Identifier: EUPL-1.2
//! The bundled seed plan: Deventer's Aanvalsplan BUIG 2022–2023 (seed 001)
//! with its governance and risks, and seed 002's evaluation per action,
//! read from the CSV files in `data/`.

use buig_core::Money;

use crate::csvlees::{lees_csv, lees_risicos, tabel_uit_csv};
use crate::model::{Evaluatie, Plan, PlanKop};
use crate::waarde::lees_datum;

/// The bundled plan file (seed 001, transcribed).
pub const VOORBEELD_CSV: &str = include_str!("../../../data/aanvalsplan-deventer-2022.csv");
/// Its source.
pub const VOORBEELD_BRON: &str =
    "data/aanvalsplan-deventer-2022.csv, overgenomen uit Aanvalsplan BUIG 2022-2023 gemeente Deventer (seed 001_b5b289654efa9f68.txt)";

/// The bundled risks of that plan (seed 001, hoofdstuk 6).
pub const VOORBEELD_RISICOS_CSV: &str = include_str!("../../../data/aanvalsplan-deventer-2022-risicos.csv");

/// The evaluation per action of that plan (seed 002, bijlage "Evaluatie
/// Actieplan BUIG per maatregel", sent to the council in March 2024),
/// transcribed: the seed's proposal per action mapped onto its own three
/// choices "stoppen, regelen in de reguliere afspraken / regulier werk of
/// vervolg aan geven i.h.k.v. vangnetaanvraag 2023".
pub const VOORBEELD_EVALUATIE_CSV: &str = include_str!("../../../data/aanvalsplan-deventer-2022-evaluatie.csv");

/// The bundled evaluations of the Deventer plan.
pub fn voorbeeld_evaluaties() -> Vec<Evaluatie> {
    let t = tabel_uit_csv(VOORBEELD_EVALUATIE_CSV.as_bytes()).expect("the bundled evaluations are valid CSV");
    t.rijen
        .iter()
        .inspect(|(n, r)| assert_eq!(r.len(), 4, "row {n} of the bundled evaluations has four fields"))
        .map(|(_, r)| Evaluatie {
            actie: r[0].clone(),
            datum: lees_datum(&r[1]).expect("a bundled date"),
            oordeel: r[2].parse().expect("a bundled verdict"),
            toelichting: r[3].clone(),
        })
        .collect()
}

/// The governance of that plan, summarised from seed 001 hoofdstuk 3 "Organisatie".
pub const VOORBEELD_STURING: &str = "Stuurgroep (opdrachtgever: neemt beslissingen, stelt prioriteiten, borgt capaciteit en draagvlak; \
bestuurlijk opdrachtgever en voorzitter Rob de Geest, ambtelijk opdrachtgever Wim de Jong). Kerngroep (opdrachtnemer en \
eerstverantwoordelijke voor de uitvoering; elk lid stuurt één actielijn aan; overlegt maandelijks en presenteert elk kwartaal \
doelbereik, afwijkingen en dilemma's aan de stuurgroep). Monitoringteam (indicatoren, dashboard voor stuurgroep en kerngroep, \
nulmeting van output- en outcome-indicatoren). Mijlpalen: tussentijdse meting per kwartaal in de Q-rapportage, eindrapportage \
15 december 2023, evaluatie januari 2024.";

/// Deventer's Aanvalsplan BUIG 2022–2023 for GM0150, as seed 001 states it:
/// 25 actions in three lines; taakstelling 2 × € 1,5 miljoen (2022 and
/// 2023), at least 300 extra outflow; baseline ("nulmeting") in December
/// 2022 — the seed names the month only, stored as its last day; its
/// governance (hoofdstuk 3) and its six risks with controls (hoofdstuk 6).
pub fn voorbeeld_deventer() -> Plan {
    let kop = PlanKop {
        gemeente: "GM0150".parse().expect("valid code"),
        titel: "Aanvalsplan BUIG 2022-2023".into(),
        van: Some(jiff::civil::date(2022, 1, 1)),
        tot: Some(jiff::civil::date(2023, 12, 31)),
        doel_uitkeringen: Some(300),
        doel_euro: Some(Money::from_euros(1_500_000)),
        nulmeting: Some(jiff::civil::date(2022, 12, 31)),
        bron: VOORBEELD_BRON.into(),
        sturing: Some(VOORBEELD_STURING.into()),
    };
    let mut plan = lees_csv(VOORBEELD_CSV.as_bytes(), kop).expect("the bundled plan is valid");
    let risicos = tabel_uit_csv(VOORBEELD_RISICOS_CSV.as_bytes()).expect("the bundled risks are valid CSV");
    plan.risicos = lees_risicos(&risicos).expect("the bundled risks are valid");
    plan
}
