// SPDX-License-Identifier: EUPL-1.2
//! What the notitie vangnet is made of, computed before it is written (by
//! the service layer): the year's vangnet position from the budget view,
//! the years of bijlage 1, the caseload of the causes with Nederland beside
//! it, and the plan of the measures. Plus the sentences several sections
//! share, derived from these values and nothing else.

use buig_bestand::Reeks;
use buig_core::records::{BudgetSoort, Stadium};
use buig_core::{nl, GemeenteCode, Money, Percentage, Year};
use buig_prognose::VangnetPositie;
use buig_rules::calc::{termijn_tekst, vraag_verleend};
use buig_rules::{Route, Rule, VangnetResult};
use jiff::civil::Date;

/// The notitie's input.
#[derive(Debug, Clone)]
pub struct NotitieInvoer {
    pub gemeente: Option<GemeenteCode>,
    /// The gemeente's name as the text uses it.
    pub naam: String,
    pub jaar: Year,
    /// Only decisions dated and months ended on or before this day counted.
    pub peildatum: Option<Date>,
    /// The date printed on the document.
    pub datum: Date,
    /// The rule of the year (bijlage 2 lists its quantities with their status).
    pub regel: Rule,
    /// The year's vangnet position, as the budget view computed it.
    pub vangnet: VangnetPositie,
    /// The years of bijlage 1 (from the first year condition b reads, at most t-2, up to t).
    pub jaren: Vec<JaarStaat>,
    /// The years a vangnetuitkering was granted, when stated.
    pub vangnet_verleend: Option<Vec<i32>>,
    /// The caseload behind the causes; `None` without benefits in the data.
    pub oorzaken: Option<Oorzaken>,
    /// The action plan behind the measures, its caseload change counted up to the peildatum.
    pub plan: Option<buig_plan::Overzicht>,
    /// The gemeente's own words about the year: causes, measures, additional measures.
    pub toelichting: Option<buig_core::records::Toelichting>,
    /// The gemeente's letterhead (the raadsvoorstel's portefeuillehouder), when set.
    pub briefhoofd: Option<buig_core::records::Briefhoofd>,
}

/// One year of bijlage 1, as the budget view has it; "onbekend" where absent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JaarStaat {
    pub jaar: Year,
    pub budget: Option<Money>,
    pub lasten: Option<Money>,
    pub baten: Option<Money>,
    pub netto: Option<Money>,
    pub tekort: Option<Money>,
    pub percentage: Option<Percentage>,
    pub bron: Option<String>,
}

/// The caseload of t-2..t per quarter, with K4 of t-3 as the starting stock.
#[derive(Debug, Clone, PartialEq)]
pub struct Oorzaken {
    pub kwartalen: Reeks,
    /// The same quarters per regeling.
    pub per_regeling: Vec<(String, Reeks)>,
    /// The other gemeenten in the database over the same quarters.
    pub nederland: Option<Nederland>,
}

/// Nederland over the causes' quarters: the other gemeenten whose data cover every quarter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nederland {
    /// How many gemeenten count.
    pub gemeenten: usize,
    /// How many of them are not among the asker's own gemeenten.
    pub anderen: usize,
    /// Stock at the end of each quarter, summed.
    pub stand: Vec<u64>,
    /// Per duration band ([`buig_bestand::DUUR_BANDEN`]), the summed count at the end of the last quarter.
    pub duur_laatste: Vec<u64>,
}

impl Nederland {
    /// Shown only with at least [`buig_bestand::MIN_GROEP`] gemeenten other
    /// than the asker's own, so none can be read off it.
    pub fn bruikbaar(&self) -> bool {
        self.anderen >= buig_bestand::MIN_GROEP
    }
}

impl JaarStaat {
    /// A year of which nothing is known.
    pub fn onbekend(jaar: Year) -> JaarStaat {
        JaarStaat { jaar, budget: None, lasten: None, baten: None, netto: None, tekort: None, percentage: None, bron: None }
    }
}

impl NotitieInvoer {
    /// A field of the gemeente's own text, when written.
    fn eigen(&self, veld: fn(&buig_core::records::Toelichting) -> &String) -> Option<&str> {
        self.toelichting.as_ref().map(|t| veld(t).trim()).filter(|s| !s.is_empty())
    }

    /// The causes in the gemeente's own words (vraag A).
    pub fn eigen_oorzaken(&self) -> Option<&str> {
        self.eigen(|t| &t.oorzaken)
    }

    /// The measures taken, in the gemeente's own words (vragen B and C).
    pub fn eigen_maatregelen(&self) -> Option<&str> {
        self.eigen(|t| &t.maatregelen)
    }

    /// The additional measures for an aanhoudend tekort, in the gemeente's own words.
    pub fn eigen_aanvullend(&self) -> Option<&str> {
        self.eigen(|t| &t.aanvullende_maatregelen)
    }

    /// Neither counted causes nor the gemeente's words about them.
    pub fn oorzaken_ontbreken(&self) -> bool {
        self.oorzaken.is_none() && self.eigen_oorzaken().is_none()
    }

    /// Neither a plan nor the gemeente's words about its measures.
    pub fn maatregelen_ontbreken(&self) -> bool {
        self.plan.is_none() && self.eigen_maatregelen().is_none()
    }

    pub fn r(&self) -> &VangnetResult {
        &self.vangnet.resultaat
    }

    pub fn budget_t(&self) -> Money {
        self.r().budget
    }

    pub fn tekort_t(&self) -> Money {
        self.r().tekort
    }

    pub fn prognose(&self) -> bool {
        self.vangnet.stadium == Stadium::Prognose
    }

    /// `Deventer (GM0150)`.
    pub fn wie(&self) -> String {
        match self.gemeente {
            Some(c) if self.naam != c.to_string() => format!("{} ({c})", self.naam),
            _ => self.naam.clone(),
        }
    }

    pub fn deadline(&self) -> String {
        nl::date_long(self.r().uiterste_indiendatum)
    }

    pub fn bedrag_indien(&self) -> String {
        nl::money(self.r().vangnetuitkering_indien_recht)
    }

    pub fn staat(&self, y: Year) -> JaarStaat {
        self.jaren.iter().find(|j| j.jaar == y).cloned().unwrap_or_else(|| JaarStaat::onbekend(y))
    }

    /// The years condition b needs whose shortfall is not known as an amount.
    pub fn ontbrekende_jaren(&self) -> Vec<Year> {
        let r = self.r();
        let mut jaren: Vec<Year> = r.meerjarig_jaren.iter().copied().filter(|y| !r.jaren.iter().any(|j| j.jaar == *y)).collect();
        if r.route == Route::VerlaagdeDrempel {
            jaren.extend(r.verlaagde_drempel.iter().flat_map(|v| v.jaren_onbekend.iter().copied()));
        }
        jaren.sort();
        jaren.dedup();
        jaren
    }

    /// What is missing for each of `jaren`, in words: "over 2022 is alleen een percentage bekend (9,90%), geen bedrag".
    pub fn zonder_bedrag(&self, jaren: &[Year]) -> Vec<String> {
        jaren
            .iter()
            .map(|y| match self.staat(*y).percentage {
                Some(p) => format!("over {y} is alleen een percentage bekend ({}), geen bedrag", nl::percentage(p)),
                None => format!("over {y} ontbreekt het tekort"),
            })
            .collect()
    }

    /// The condition the engine left undecided, as the decision points name
    /// it; `None` when the right is known. Condition a is always decided
    /// (year t is required), so an unknown right is an unknown condition b.
    pub fn open_voorwaarde(&self) -> Option<&'static str> {
        match self.r().recht {
            Some(_) => None,
            None => Some("voorwaarde b"),
        }
    }

    /// The financial conditions known to fail, with the verb: "voorwaarde a (…) niet vervuld is".
    pub fn niet_vervuld(&self) -> String {
        let r = self.r();
        let mut v = Vec::new();
        if !r.voorwaarde_a {
            v.push(format!(
                "voorwaarde a (een tekort over {} van méér dan {} van het {})",
                r.jaar,
                nl::rule_percentage(r.drempel_percentage),
                self.budget_woord()
            ));
        }
        if r.voorwaarde_b == Some(false) {
            v.push("voorwaarde b (het meerjarige tekort)".to_string());
        }
        match v.len() {
            0 => "niet aan de financiële voorwaarden is voldaan".to_string(),
            1 => format!("{} niet vervuld is", v[0]),
            _ => format!("{} niet vervuld zijn", nl::opsomming(&v)),
        }
    }

    /// Condition e is unknown: nobody said whether a vangnetuitkering was granted over its years.
    pub fn verleend_onbekend(&self) -> bool {
        self.r().aanhoudend_tekort.is_none()
    }

    /// "definitieve budget", or the kind of decision the year's budget comes from.
    pub fn budget_woord(&self) -> &'static str {
        match self.r().beschikking {
            BudgetSoort::Voorlopig => "voorlopige budget",
            BudgetSoort::NaderVoorlopig => "nader voorlopige budget",
            BudgetSoort::Definitief => "definitieve budget",
        }
    }

    /// The form, or — while condition e is unknown — what it depends on.
    pub fn formulier_tekst(&self) -> String {
        match &self.r().formulier {
            Some(f) => f.to_string(),
            None if !self.vangnet.vermoedelijk_verleend.is_empty() => "waarschijnlijk uitgebreid verzoek, zie voorwaarde e".to_string(),
            None => "basisverzoek of uitgebreid verzoek, zie voorwaarde e".to_string(),
        }
    }

    /// The question of condition e with what the figures suggest, when it is unknown.
    pub fn vraag_e(&self) -> Option<String> {
        if !self.verleend_onbekend() {
            return None;
        }
        let vraag = nl::hoofdletter(&vraag_verleend(&self.r().aanhoudend_jaren));
        Some(match self.vangnet.vermoedelijk_verleend.as_slice() {
            [] => vraag,
            jaren => format!(
                "{vraag} Volgens de cijfers had de gemeente over {} recht op een vangnetuitkering: waarschijnlijk is een uitgebreid verzoek nodig.",
                nl::jaren(jaren)
            ),
        })
    }

    /// Has the deadline passed on the document's date?
    pub fn termijn_verstreken(&self) -> bool {
        self.datum > self.r().uiterste_indiendatum
    }

    /// The deadline told against the document's date: "nog 72 dagen, tot en met …" / "de termijn is op … verstreken".
    pub fn termijn_stand(&self) -> String {
        termijn_tekst(self.r().uiterste_indiendatum, self.datum)
    }

    /// " (werkhypothese)" when the outcome rests on an unconfirmed rule.
    pub fn werkhypothese(&self) -> &'static str {
        buig_prognose::zinnen::werkhypothese(self.r().status)
    }
}

/// `vervuld`, `niet vervuld`, `onbekend`.
pub fn oordeel(b: Option<bool>) -> &'static str {
    match b {
        Some(true) => "vervuld",
        Some(false) => "niet vervuld",
        None => "onbekend",
    }
}
