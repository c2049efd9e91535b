// SPDX-License-Identifier: EUPL-1.2
//! The figures behind the pages and the API: each asked of the service
//! layer (`buig-dienst`, the same functions the command line calls) and
//! kept in a cache keyed by the data version, so a page shown twice is
//! computed once — and a view asked for by many requests at once is
//! computed once too (the others wait for it). Heavy work runs off the
//! async threads ([`rekenen`]).

use std::any::Any;
use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex};

use buig_bestand::{Maand, Per, Reeks, Vraag};
use buig_core::{GemeenteCode, Year};
use buig_dienst::prognose::PrognoseKeuze;
use buig_dienst::vangnet::VangnetJaar;
use buig_dienst::{Gemeente, Landelijk};
use buig_prognose::{BudgetOverzicht, PrognoseUitkomst};
use tokio::sync::OnceCell;

use crate::fout::Fout;
use crate::Staat;

/// A cached view, filled once.
type Cel = Arc<OnceCell<Arc<dyn Any + Send + Sync>>>;

/// Computed views by key, valid for one data version.
#[derive(Default)]
pub struct Cache {
    kaart: Mutex<HashMap<String, (i64, Cel)>>,
}

/// At most this many entries; past it, the cache starts afresh (scenario knobs make keys unbounded).
const CACHE_MAX: usize = 2_000;

impl Cache {
    /// The value under `sleutel` for `versie`, made by `maak` when absent or
    /// stale. Requests that ask while it is being made wait for that one
    /// computation; a failed one is tried again by the next request.
    pub async fn haal<T, F, Fut>(&self, versie: i64, sleutel: String, maak: F) -> Result<Arc<T>, Fout>
    where
        T: Any + Send + Sync,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, Fout>>,
    {
        let cel = {
            let mut kaart = self.kaart.lock().expect("cache lock");
            match kaart.get(&sleutel) {
                Some((v, cel)) if *v == versie => cel.clone(),
                _ => {
                    if kaart.len() >= CACHE_MAX {
                        kaart.clear();
                    }
                    let cel: Cel = Arc::new(OnceCell::new());
                    kaart.insert(sleutel, (versie, cel.clone()));
                    cel
                }
            }
        };
        let x = cel.get_or_try_init(|| async { maak().await.map(|t| Arc::new(t) as Arc<dyn Any + Send + Sync>) }).await?;
        x.clone().downcast::<T>().map_err(|_| Fout::Intern("cache: een ander soort waarde onder dezelfde sleutel".into()))
    }
}

/// Runs CPU-heavy work off the async threads.
pub async fn rekenen<T: Send + 'static>(f: impl FnOnce() -> Result<T, Fout> + Send + 'static) -> Result<T, Fout> {
    tokio::task::spawn_blocking(f).await.map_err(|e| Fout::Intern(format!("berekening afgebroken: {e}")))?
}

/// The stored data of a gemeente.
pub async fn gemeente(staat: &Staat, code: GemeenteCode) -> Result<Arc<Gemeente>, Fout> {
    Ok(gemeente_met_versie(staat, code).await?.0)
}

/// The stored data with the data version it was read at: views derived from
/// it are cached under that same version (one read of the version per view,
/// and never a view of old data under a newer version).
async fn gemeente_met_versie(staat: &Staat, code: GemeenteCode) -> Result<(Arc<Gemeente>, i64), Fout> {
    let versie = staat.store.data_versie().await?;
    let store = staat.store.clone();
    let g = staat
        .cache
        .haal(versie, format!("gemeente/{code}"), || async move { Ok(buig_dienst::gemeente::laad(&store, code, None).await?) })
        .await?;
    Ok((g, versie))
}

/// The budget view (`buig budget`).
pub async fn budget(staat: &Staat, code: GemeenteCode) -> Result<Arc<BudgetOverzicht>, Fout> {
    let (g, versie) = gemeente_met_versie(staat, code).await?;
    staat
        .cache
        .haal(
            versie,
            format!("budget/{code}/{}", buig_dienst::vandaag()),
            || async move { Ok(buig_prognose::budgetoverzicht(&g.gegevens)) },
        )
        .await
}

/// The caseload series (`buig bestand`).
pub async fn bestand(staat: &Staat, code: GemeenteCode, van: Maand, tot: Maand, per: Per) -> Result<Arc<Reeks>, Fout> {
    let (g, versie) = gemeente_met_versie(staat, code).await?;
    staat
        .cache
        .haal(versie, format!("bestand/{code}/{van}/{tot}/{per:?}"), || async move {
            rekenen(move || {
                let vraag = Vraag { van, tot, per, regelingen: None, inwoners: g.inwoners.clone() };
                Ok(buig_bestand::bereken(&g.uitkeringen, &vraag))
            })
            .await
        })
        .await
}

/// The prognosis of (gemeente, jaar, peildatum) with an optional scenario: one result for every view.
pub async fn prognose(staat: &Staat, code: GemeenteCode, keuze: PrognoseKeuze) -> Result<Arc<PrognoseUitkomst>, Fout> {
    let (g, versie) = gemeente_met_versie(staat, code).await?;
    let sleutel = format!("prognose/{code}/{}/{}/{:?}/{}", keuze.jaar, keuze.peildatum, keuze.scenario, buig_dienst::vandaag());
    let vraag = keuze.vraag(staat.instellingen.monte_carlo());
    staat.cache.haal(versie, sleutel, || async move { rekenen(move || Ok(buig_dienst::prognose::prognose(&g, &vraag)?)).await }).await
}

/// The multi-year outlook from the last realised month, four years ahead, with the program's runs.
pub async fn raming(staat: &Staat, code: GemeenteCode) -> Result<Arc<buig_prognose::raming::Raming>, Fout> {
    let (g, versie) = gemeente_met_versie(staat, code).await?;
    let mc = staat.instellingen.monte_carlo();
    let Some((jaar, peildatum)) = g.huidig() else {
        return Err(Fout::Gegevens(format!(
            "voor {} is nog geen maandrealisatie bekend: er is geen lopend jaar om vooruit te kijken",
            g.naam
        )));
    };
    let sleutel = format!("raming/{code}/{peildatum}/{}", buig_dienst::vandaag());
    staat
        .cache
        .haal(versie, sleutel, || async move {
            let vraag = buig_prognose::raming::RamingVraag {
                peildatum,
                tot: jaar.offset(4),
                runs: mc.runs,
                seed: mc.seed,
                scenario: Default::default(),
            };
            rekenen(move || Ok(buig_dienst::prognose::raming(&g, &vraag)?)).await
        })
        .await
}

/// A year's vangnet position with the budget view it came from.
pub async fn vangnet(staat: &Staat, code: GemeenteCode, jaar: Year) -> Result<Arc<VangnetJaar>, Fout> {
    let (g, versie) = gemeente_met_versie(staat, code).await?;
    staat
        .cache
        .haal(versie, format!("vangnet/{code}/{jaar}/{}", buig_dienst::vandaag()), || async move {
            Ok(buig_dienst::vangnet::vangnet_jaar(&g.gegevens, jaar, None)?)
        })
        .await
}

/// A year's vangnet position as every view shows it: the realised year
/// from the budget view, or — for the current year — the position if the
/// year ends at the prognosis headline, with that prognosis.
pub async fn vangnet_stand(staat: &Staat, code: GemeenteCode, b: &Gemeente, jaar: Year) -> Result<VangnetStand, Fout> {
    match (vangnet(staat, code, jaar).await, b.huidig()) {
        (Ok(v), _) => Ok(VangnetStand { positie: v.positie.clone(), prognose: None }),
        (Err(_), Some((huidig, peildatum))) if huidig == jaar => {
            let p = prognose(staat, code, PrognoseKeuze { jaar, peildatum, scenario: None }).await?;
            let positie = p.kop.vangnet.clone().ok_or_else(|| Fout::Gegevens(format!("de vangnetregels dekken {jaar} niet")))?;
            Ok(VangnetStand { positie, prognose: Some(p) })
        }
        (Err(e), _) => Err(e),
    }
}

/// See [`vangnet_stand`].
pub struct VangnetStand {
    pub positie: buig_prognose::VangnetPositie,
    /// The prognosis whose headline the position is taken at (the current year only).
    pub prognose: Option<Arc<PrognoseUitkomst>>,
}

/// Every gemeente's series for one caseload question, in one streaming pass,
/// cached per version of the spells and inhabitants (not invalidated by
/// realisation, budgets or yearly figures).
pub async fn landelijk(staat: &Staat, vraag: Vraag) -> Result<Arc<Landelijk>, Fout> {
    let versie = staat.store.uitkeringen_versie().await?;
    let store = staat.store.clone();
    staat
        .cache
        .haal(versie, format!("landelijk/{:?}/{}/{}", vraag.per, vraag.van, vraag.tot), || async move {
            Ok(buig_dienst::landelijk::landelijk(&store, vraag).await?)
        })
        .await
}

/// Each of `gemeenten` against all gemeenten and its size class (the comparison page and the API).
pub async fn vergelijking(staat: &Staat, gemeenten: &[GemeenteCode]) -> Result<Vec<buig_dienst::vergelijking::Rij>, Fout> {
    let l = landelijk(staat, buig_dienst::landelijk::jaarvraag()).await?;
    // The asker's own gemeenten never make a group figure showable.
    let eigen: std::collections::BTreeSet<GemeenteCode> = gemeenten.iter().copied().collect();
    let mut uit = Vec::new();
    for code in gemeenten {
        let naam = staat.store.gemeente(*code).await?.map(|g| g.naam).unwrap_or_else(|| code.to_string());
        uit.push(buig_dienst::vergelijking::rij(&l, *code, naam, &eigen));
    }
    Ok(uit)
}

/// The action plan as shown (not cached: plan updates do not move the data version).
pub async fn plan(staat: &Staat, code: GemeenteCode, titel: Option<&str>) -> Result<Option<buig_plan::Overzicht>, Fout> {
    let g = gemeente(staat, code).await?;
    Ok(buig_dienst::plan::plan(&staat.store, &g, titel, None).await?)
}

/// One action of the plan with its history (as `buig plan actie`); `None` for an unknown plan or action.
pub async fn plan_actie(
    staat: &Staat,
    code: GemeenteCode,
    titel: Option<&str>,
    actie: &str,
) -> Result<Option<buig_plan::ActieDetail>, Fout> {
    Ok(buig_dienst::plan::planstand(&staat.store, code, titel).await?.and_then(|p| p.actie(actie)))
}

/// Warms the cache for the demo gemeente's overview and asks for LibreOffice (run once at start).
pub async fn verwarm(staat: &Staat, code: GemeenteCode) {
    // Whether LibreOffice is here (the "als PDF" buttons) is asked once, off the request path.
    let _ = tokio::task::spawn_blocking(buig_rapport::pdf::beschikbaar).await;
    if let Ok(g) = gemeente(staat, code).await {
        if let Some((jaar, peildatum)) = g.huidig() {
            let _ = prognose(staat, code, PrognoseKeuze { jaar, peildatum, scenario: None }).await;
        }
        let _ = budget(staat, code).await;
    }
}
