// SPDX-License-Identifier: EUPL-1.2
//! The prognosis of (gemeente, jaar, peildatum) as one result: the
//! baseline, its uncertainty and how that narrows through the year, and
//! every scenario beside the baseline. The JSON keys are documented in
//! `docs/prognose.md`.

use buig_core::percentage::ser_twee_decimalen;
use buig_core::records::Uitkering;
use buig_core::{money, Money, Percentage, Year};
use jiff::civil::Date;
use serde::Serialize;

use crate::basis::Prognosebasis;
use crate::gegevens::Gegevens;
use crate::kop::{kop, Kop};
use crate::montecarlo::{simuleer, verloop, Samenvatting, VerloopPunt};
use crate::prognose::{bereken_prognose, Prognose};
use crate::rapportage::{sinds_vorige, VorigeRapportage};
use crate::scenario::{PrognoseFout, Scenario};
use crate::vangnet::VangnetPositie;

/// The question.
#[derive(Debug, Clone, PartialEq)]
pub struct PrognoseVraag {
    pub jaar: Year,
    pub peildatum: Date,
    pub scenarios: Vec<Scenario>,
    /// Monte Carlo runs; 0 = none.
    pub runs: u32,
    pub seed: u64,
}

/// One scenario beside the baseline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioUitkomst {
    pub naam: String,
    pub knoppen: Scenario,
    /// The scenario's headline, as the baseline's.
    pub kop: Kop,
    #[serde(with = "money::euros")]
    pub netto_lasten: Money,
    #[serde(with = "money::euros")]
    pub budget_bedrag: Money,
    #[serde(with = "money::euros")]
    pub resultaat: Money,
    #[serde(with = "money::euros")]
    pub tekort: Money,
    #[serde(serialize_with = "ser_twee_decimalen")]
    pub tekort_percentage: Percentage,
    /// Scenario − baseline.
    #[serde(with = "money::euros")]
    pub verschil_netto_lasten: Money,
    #[serde(with = "money::euros")]
    pub verschil_resultaat: Money,
    pub vangnet: Option<VangnetPositie>,
    pub onzekerheid: Option<Samenvatting>,
}

/// The whole answer: the baseline prognosis's keys at the top level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PrognoseUitkomst {
    pub gemeente: Option<String>,
    pub naam: Option<String>,
    /// The headline every view shows: the centre of the distribution.
    pub kop: Kop,
    /// The deterministic prognosis with the decision known on the peildatum (its keys at the top level).
    #[serde(flatten)]
    pub prognose: Prognose,
    pub onzekerheid: Option<Samenvatting>,
    pub verloop: Vec<VerloopPunt>,
    pub scenarios: Vec<ScenarioUitkomst>,
    /// How the headline moved since the last recorded report moment of the
    /// year before this peildatum; `null` when none was recorded.
    pub vorige_rapportage: Option<VorigeRapportage>,
}

/// Computes the whole answer: baseline, Monte Carlo (when `runs` > 0), narrowing, scenarios.
pub fn prognose_uitkomst(g: &Gegevens, uitkeringen: &[Uitkering], v: &PrognoseVraag) -> Result<PrognoseUitkomst, PrognoseFout> {
    let b = Prognosebasis::new(g, uitkeringen)?;
    let u = b.uitgangspunt(v.jaar, v.peildatum)?;
    let basis = Scenario::default();
    let prognose = bereken_prognose(&u, &basis);
    let mc = |s: &Scenario| (v.runs > 0).then(|| simuleer(&u, s, v.runs, v.seed));
    let onzekerheid = mc(&basis);
    let verloop = if v.runs > 0 { verloop(&b, v.jaar, v.peildatum, v.runs, v.seed)? } else { Vec::new() };
    let scenarios = v
        .scenarios
        .iter()
        .map(|s| {
            let p = bereken_prognose(&u, s);
            let onzekerheid = mc(s);
            ScenarioUitkomst {
                naam: s.label(),
                knoppen: s.clone(),
                kop: kop(&u, &p, onzekerheid.as_ref()),
                netto_lasten: p.netto_lasten,
                budget_bedrag: p.budget_bedrag,
                resultaat: p.resultaat,
                tekort: p.tekort,
                tekort_percentage: p.tekort_percentage,
                verschil_netto_lasten: p.netto_lasten - prognose.netto_lasten,
                verschil_resultaat: p.resultaat - prognose.resultaat,
                vangnet: p.vangnet,
                onzekerheid,
            }
        })
        .collect();
    let kop = kop(&u, &prognose, onzekerheid.as_ref());
    let mut uitkomst = PrognoseUitkomst {
        gemeente: g.gemeente.map(|c| c.to_string()),
        naam: g.naam.clone(),
        kop,
        prognose,
        onzekerheid,
        verloop,
        scenarios,
        vorige_rapportage: None,
    };
    uitkomst.vorige_rapportage = sinds_vorige(&g.rapportages, &uitkomst.prognose, &uitkomst.kop);
    Ok(uitkomst)
}
