//! The figures behind the pages and the API: loaded from the store and
//! computed by the same library calls as the CLI (`buig budget`, `buig
//! prognose`, `buig bestand`, `buig rapport`), then kept in a cache keyed
//! by the data version (it changes with every import), so a page shown
//! twice is computed once.

use std::any::Any;
use std::collections::{BTreeMap, HashMap};
use std::future::Future;
use std::sync::{Arc, Mutex};

use buig_bestand::{Maand, Per, Reeks, Vraag};
use buig_core::records::{BudgetSoort, Budgetbeschikking, Uitkering};
use buig_core::{GemeenteCode, Year};
use buig_prognose::rapport::{PrognoseRapport, PrognoseVraag};
use buig_prognose::{BudgetOverzicht, Gegevens, Scenario};
use buig_store::{Store, StoreError};
use jiff::civil::Date;

use crate::Staat;

/// Why a view cannot be shown.
#[derive(Debug, thiserror::Error)]
pub enum Fout {
    /// Unknown gemeente, or one the user has no role on (the same answer, on purpose).
    #[error("niet gevonden")]
    NietGevonden,
    /// The data do not allow the view; the message says what is missing.
    #[error("{0}")]
    Gegevens(String),
    /// The user may see but not change this.
    #[error("{0}")]
    GeenRecht(String),
    /// A fault of the server; shown with an id, logged with the cause.
    #[error("interne fout: {0}")]
    Intern(String),
}

impl From<StoreError> for Fout {
    fn from(e: StoreError) -> Fout {
        Fout::Intern(e.to_string())
    }
}

/// The gemeenten the demo account gets: Voorbeeldstad and the seed gemeenten.
pub fn demo_gemeenten() -> Vec<GemeenteCode> {
    ["GM9999", "GM0150", "GM0005", "GM1663", "GM0053", "GM1651", "GM0010"].iter().filter_map(|c| c.parse().ok()).collect()
}

/// A gemeente's budgets, realisation and yearly figures from the store, as
/// the libraries take them (also used by `buig budget`, `prognose`, `rapport`).
///
/// `verleend` (the years a vangnetuitkering was granted) as the user states
/// it wins; without it the stored years count (`buig verleend`, the seed
/// data) when at least one of them was granted — that settles condition e.
/// Stored "not granted" years alone leave it unknown: another year of the
/// window may be missing.
pub async fn laad_gegevens(store: &Store, code: GemeenteCode, verleend: Option<Vec<i32>>) -> Result<Gegevens, Fout> {
    let Some(g) = store.gemeente(code).await? else {
        return Err(Fout::NietGevonden);
    };
    let verleend = match verleend {
        Some(v) => Some(v),
        None => {
            let jaren: Vec<i32> = store.verleend(code).await?.into_iter().filter(|v| v.verleend).map(|v| v.jaar.get()).collect();
            (!jaren.is_empty()).then_some(jaren)
        }
    };
    let jaarcijfers = store
        .jaarcijfers(code)
        .await?
        .into_iter()
        .map(|j| buig_prognose::Jaarcijfer {
            jaar: j.jaar,
            stadium: j.stadium,
            budget: j.budget,
            tekort: j.tekort,
            tekort_percentage: j.tekort_percentage,
            bron: j.bron,
        })
        .collect();
    Ok(Gegevens {
        gemeente: Some(code),
        naam: Some(g.naam),
        budgetten: store.budgetten(code).await?,
        realisatie: store.realisatie(code).await?,
        jaarcijfers,
        vangnet_verleend: verleend,
    })
}

/// Everything stored about one gemeente that the views start from.
pub struct Basis {
    pub code: GemeenteCode,
    pub naam: String,
    pub gegevens: Gegevens,
    pub spells: Vec<Uitkering>,
    /// Inhabitants on 1 January per year.
    pub inwoners: BTreeMap<i32, u64>,
}

impl Basis {
    /// The current year and its peildatum: the last month with realisation.
    pub fn huidig(&self) -> Option<(Year, Date)> {
        let r = self.gegevens.realisatie.iter().max_by_key(|r| (r.jaar, r.maand))?;
        let d = Date::new(r.jaar.get() as i16, r.maand as i8, 1).ok()?.last_of_month();
        Some((r.jaar, d))
    }

    /// The most recent decision (by date, then by stage) of `jaar`.
    pub fn laatste_beschikking(&self, jaar: Year) -> Option<&Budgetbeschikking> {
        let rang = |s: BudgetSoort| match s {
            BudgetSoort::Voorlopig => 0,
            BudgetSoort::NaderVoorlopig => 1,
            BudgetSoort::Definitief => 2,
        };
        self.gegevens.budgetten.iter().filter(|b| b.jaar == jaar).max_by_key(|b| (b.datum, rang(b.soort)))
    }

    /// The first and last month with spells or realisation, for the caseload pages.
    pub fn maanden(&self) -> Option<(Maand, Maand)> {
        let eerste = self.spells.iter().map(|u| u.startdatum).min()?;
        let laatste = self.huidig().map(|(_, d)| d).unwrap_or_else(|| self.spells.iter().map(|u| u.startdatum).max().unwrap_or(eerste));
        Some((Maand::van_datum(eerste).max(Maand::new(2015, 1)?), Maand::van_datum(laatste)))
    }
}

/// One cached view: the data version it was made at, and the view.
type Ingang = (i64, Arc<dyn Any + Send + Sync>);

/// Computed views by key, valid for one data version.
#[derive(Default)]
pub struct Cache {
    kaart: Mutex<HashMap<String, Ingang>>,
}

/// At most this many entries; past it, the cache starts afresh (scenario knobs make keys unbounded).
const CACHE_MAX: usize = 2_000;

impl Cache {
    /// The value under `sleutel` for `versie`, made by `maak` when absent or stale.
    pub async fn haal<T, F, Fut>(&self, versie: i64, sleutel: String, maak: F) -> Result<Arc<T>, Fout>
    where
        T: Any + Send + Sync,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, Fout>>,
    {
        if let Some((v, x)) = self.kaart.lock().expect("cache lock").get(&sleutel) {
            if *v == versie {
                if let Ok(t) = x.clone().downcast::<T>() {
                    return Ok(t);
                }
            }
        }
        let t = Arc::new(maak().await?);
        let mut kaart = self.kaart.lock().expect("cache lock");
        if kaart.len() >= CACHE_MAX {
            kaart.clear();
        }
        kaart.insert(sleutel, (versie, t.clone() as Arc<dyn Any + Send + Sync>));
        Ok(t)
    }
}

/// Runs CPU-heavy work off the async threads.
async fn rekenen<T: Send + 'static>(f: impl FnOnce() -> Result<T, Fout> + Send + 'static) -> Result<T, Fout> {
    tokio::task::spawn_blocking(f).await.map_err(|e| Fout::Intern(format!("berekening afgebroken: {e}")))?
}

/// The stored data of a gemeente.
pub async fn basis(staat: &Staat, code: GemeenteCode) -> Result<Arc<Basis>, Fout> {
    Ok(basis_met_versie(staat, code).await?.0)
}

/// The stored data with the data version it was read at: views derived from
/// it are cached under that same version (one read of the version per view,
/// and never a view of old data under a newer version).
async fn basis_met_versie(staat: &Staat, code: GemeenteCode) -> Result<(Arc<Basis>, i64), Fout> {
    let versie = staat.store.data_versie().await?;
    let store = staat.store.clone();
    let b = staat
        .cache
        .haal(versie, format!("basis/{code}"), || async move {
            let gegevens = laad_gegevens(&store, code, None).await?;
            let spells = store.uitkeringen(code).await?;
            let inwoners = store.inwoners(code).await?.into_iter().map(|i| (i.jaar.get(), i.aantal)).collect();
            let naam = gegevens.naam.clone().unwrap_or_else(|| code.to_string());
            Ok(Basis { code, naam, gegevens, spells, inwoners })
        })
        .await?;
    Ok((b, versie))
}

/// The budget view (`buig budget`).
pub async fn budget(staat: &Staat, code: GemeenteCode) -> Result<Arc<BudgetOverzicht>, Fout> {
    let (b, versie) = basis_met_versie(staat, code).await?;
    staat.cache.haal(versie, format!("budget/{code}"), || async move { Ok(buig_prognose::budgetoverzicht(&b.gegevens)) }).await
}

/// The caseload series (`buig bestand`).
pub async fn bestand(staat: &Staat, code: GemeenteCode, van: Maand, tot: Maand, per: Per) -> Result<Arc<Reeks>, Fout> {
    let (b, versie) = basis_met_versie(staat, code).await?;
    staat
        .cache
        .haal(versie, format!("bestand/{code}/{van}/{tot}/{per:?}"), || async move {
            rekenen(move || {
                let vraag = Vraag { van, tot, per, regelingen: None, inwoners: b.inwoners.clone() };
                Ok(buig_bestand::bereken(&b.spells, &vraag))
            })
            .await
        })
        .await
}

/// The question of a prognosis page or API call.
#[derive(Debug, Clone, PartialEq)]
pub struct PrognoseKeuze {
    pub jaar: Year,
    pub peildatum: Date,
    /// A scenario beside the baseline (only knobs that are set).
    pub scenario: Option<Scenario>,
}

/// The prognosis with Monte Carlo, its narrowing through the year and an optional scenario (`buig prognose`).
pub async fn prognose(staat: &Staat, code: GemeenteCode, keuze: PrognoseKeuze) -> Result<Arc<PrognoseRapport>, Fout> {
    let (b, versie) = basis_met_versie(staat, code).await?;
    let runs = staat.instellingen.runs;
    let sleutel = format!("prognose/{code}/{}/{}/{:?}/{runs}", keuze.jaar, keuze.peildatum, keuze.scenario);
    staat
        .cache
        .haal(versie, sleutel, || async move {
            rekenen(move || {
                if b.spells.is_empty() || b.gegevens.realisatie.is_empty() || b.gegevens.budgetten.is_empty() {
                    return Err(Fout::Gegevens(format!(
                        "voor {} ontbreken uitkeringen, maandrealisatie of budgetten: importeer ze op de pagina Import",
                        b.naam
                    )));
                }
                let vraag = PrognoseVraag {
                    jaar: keuze.jaar,
                    peildatum: keuze.peildatum,
                    scenarios: keuze.scenario.into_iter().collect(),
                    runs,
                    seed: 2024,
                };
                buig_prognose::rapport::prognose_rapport(&b.gegevens, &b.spells, &vraag).map_err(|e| Fout::Gegevens(e.to_string()))
            })
            .await
        })
        .await
}

/// The vangnet of a year with its full explanation, as the notitie vangnet
/// builds it (`buig rapport notitie-vangnet`): with the causes from the
/// caseload and the measures from the aanvalsplan. Not cached: plan updates
/// do not change the data version, and the notitie is cheap.
pub async fn vangnet(staat: &Staat, code: GemeenteCode, jaar: Year) -> Result<Arc<buig_rapport::NotitieVangnet>, Fout> {
    let b = basis(staat, code).await?;
    let plan = crate::paginas::plan::overzicht(staat, code, None).await?;
    rekenen(move || {
        let vraag = buig_rapport::NotitieVraag { jaar, peildatum: None, datum: buig_rapport::vandaag() };
        buig_rapport::notitie_vangnet_met(&b.gegevens, &b.spells, plan.as_ref(), &vraag).map(Arc::new).map_err(|e| match e {
            buig_rapport::RapportFout::Docx(_) => Fout::Intern(e.to_string()),
            _ => Fout::Gegevens(e.to_string()),
        })
    })
    .await
}

/// Every gemeente's yearly caseload with inhabitants: the base of the comparison.
pub struct Landelijk {
    pub reeksen: BTreeMap<GemeenteCode, Reeks>,
    pub inwoners: BTreeMap<(GemeenteCode, i32), u64>,
    pub vraag: Vraag,
}

impl Landelijk {
    /// Inhabitants for the size class: 2024, else 2020 (as `buig bestand --vergelijk grootteklasse`).
    pub fn grootte(&self, g: GemeenteCode) -> Option<u64> {
        self.inwoners.get(&(g, 2024)).or_else(|| self.inwoners.get(&(g, 2020))).copied()
    }
}

/// The yearly series of every gemeente in the store, in one streaming pass,
/// cached per version of the spells and inhabitants.
pub async fn landelijk(staat: &Staat) -> Result<Arc<Landelijk>, Fout> {
    let versie = staat.store.uitkeringen_versie().await?;
    let store = staat.store.clone();
    staat
        .cache
        .haal(versie, "landelijk".to_string(), || async move {
            let tot = Maand::van_datum(buig_rapport::vandaag());
            let vraag = Vraag::new(Maand::new(2015, 1).expect("valid month"), tot, Per::Jaar).map_err(Fout::Intern)?;
            let mut per = buig_bestand::PerGemeente::new(&vraag);
            store.alle_uitkeringen(&mut |u| per.voeg_toe(&u)).await?;
            let reeksen = per.reeksen();
            let inwoners = store.alle_inwoners().await?.into_iter().map(|i| ((i.gemeente, i.jaar.get()), i.aantal)).collect();
            Ok(Landelijk { reeksen, inwoners, vraag })
        })
        .await
}

/// The notitie vangnet as a document for the council: as [`vangnet`], and
/// with the causes set against Nederland (every gemeente's quarters of
/// [`buig_rapport::oorzaken_vraag`], cached per data version). Kept apart
/// from [`vangnet`] so that the vangnet page never waits for a national pass.
pub async fn notitie(staat: &Staat, code: GemeenteCode, jaar: Year) -> Result<Arc<buig_rapport::NotitieVangnet>, Fout> {
    let b = basis(staat, code).await?;
    let plan = crate::paginas::plan::overzicht(staat, code, None).await?;
    let bv = buig_rapport::oorzaken_vraag(jaar, None).map_err(|e| Fout::Gegevens(e.to_string()))?;
    let landelijk = landelijk_per(staat, bv).await?;
    rekenen(move || {
        let vraag = buig_rapport::NotitieVraag { jaar, peildatum: None, datum: buig_rapport::vandaag() };
        buig_rapport::notitie_vangnet_landelijk(&b.gegevens, &b.spells, plan.as_ref(), Some(&landelijk.reeksen), &vraag)
            .map(Arc::new)
            .map_err(|e| match e {
                buig_rapport::RapportFout::Docx(_) => Fout::Intern(e.to_string()),
                _ => Fout::Gegevens(e.to_string()),
            })
    })
    .await
}

/// Every gemeente's series for one caseload question, in one streaming pass,
/// cached per version of the spells and inhabitants (not invalidated by
/// realisation, budgets or yearly figures).
pub async fn landelijk_per(staat: &Staat, bv: Vraag) -> Result<Arc<Landelijk>, Fout> {
    let versie = staat.store.uitkeringen_versie().await?;
    let store = staat.store.clone();
    staat
        .cache
        .haal(versie, format!("landelijk_per/{:?}/{}/{}", bv.per, bv.van, bv.tot), || async move {
            let mut per = buig_bestand::PerGemeente::new(&bv);
            store.alle_uitkeringen(&mut |u| per.voeg_toe(&u)).await?;
            let reeksen = per.reeksen();
            let inwoners = store.alle_inwoners().await?.into_iter().map(|i| ((i.gemeente, i.jaar.get()), i.aantal)).collect();
            Ok(Landelijk { reeksen, inwoners, vraag: bv })
        })
        .await
}

/// Every gemeente's series per quarter for the kwartaalmonitor of `vraag`
/// (its question, [`buig_rapport::monitor::landelijke_vraag`]), in one
/// streaming pass, cached per quarter like [`landelijk`].
pub async fn landelijk_kwartaal(staat: &Staat, vraag: &buig_rapport::MonitorVraag) -> Result<Arc<Landelijk>, Fout> {
    let bv = buig_rapport::monitor::landelijke_vraag(vraag).map_err(|e| Fout::Gegevens(e.to_string()))?;
    landelijk_per(staat, bv).await
}

/// Warms the cache for the demo gemeente's overview and asks for LibreOffice (run once at start).
pub async fn verwarm(staat: &Staat) {
    // Whether LibreOffice is here (the "als PDF" buttons) is asked once, off the request path.
    let _ = tokio::task::spawn_blocking(buig_rapport::pdf::beschikbaar).await;
    for code in demo_gemeenten().into_iter().take(1) {
        if let Ok(b) = basis(staat, code).await {
            if let Some((jaar, peildatum)) = b.huidig() {
                let _ = prognose(staat, code, PrognoseKeuze { jaar, peildatum, scenario: None }).await;
            }
            let _ = budget(staat, code).await;
        }
    }
}
