//! `buig verleend`: over which years a gemeente was granted a
//! vangnetuitkering. The notitie vangnet, `buig budget` and the web app read
//! it for condition e (aanhoudend tekort) when `--verleend` is not given.

use buig_core::{GemeenteCode, Year};
use buig_store::verleend::Verleend;
use clap::Args;

use crate::{open_store, parse_amount, DbArgs};

#[derive(Args)]
#[command(
    after_help = "Voorbeelden:\n  buig verleend --gemeente GM0150\n  buig verleend --gemeente GM0150 --jaar 2022 --verleend ja --bedrag 444700 --bron \"beschikking SZW 2023\"\n  buig verleend --gemeente GM0150 --jaar 2021 --verleend nee --bron \"jaarrekening 2021\""
)]
pub(crate) struct VerleendArgs {
    /// CBS-code van de gemeente, bijvoorbeeld GM0150
    #[arg(long)]
    gemeente: String,
    /// Het tekortjaar waarover de vangnetuitkering gaat; zonder: de vastgelegde jaren tonen
    #[arg(long, requires = "verleend")]
    jaar: Option<String>,
    /// ja | nee
    #[arg(long, requires = "jaar")]
    verleend: Option<String>,
    /// Het toegekende bedrag in euro's
    #[arg(long, requires = "jaar")]
    bedrag: Option<String>,
    /// Waar het vandaan komt (beschikking, jaarrekening)
    #[arg(long, requires = "jaar")]
    bron: Option<String>,
    #[command(flatten)]
    db: DbArgs,
}

pub(crate) fn verleend(a: &VerleendArgs) -> Result<(), (u8, String)> {
    let code: GemeenteCode = a.gemeente.parse().map_err(|e| (2, format!("--gemeente: {e}")))?;
    let db = |e: buig_store::StoreError| (1, e.to_string());
    if let (Some(jaar), Some(v)) = (&a.jaar, &a.verleend) {
        let jaar: Year = jaar.parse().map_err(|e| (2, format!("--jaar: {e}")))?;
        let verleend = match v.trim().to_lowercase().as_str() {
            "ja" => true,
            "nee" => false,
            o => return Err((2, format!("--verleend: \"{o}\" is geen ja of nee"))),
        };
        let bedrag = a.bedrag.as_deref().map(parse_amount).transpose().map_err(|e| (2, format!("--bedrag: {e}")))?;
        if bedrag.is_some() && !verleend {
            return Err((2, "--bedrag: alleen bij --verleend ja".into()));
        }
        let bron = a.bron.as_deref().map(str::trim).filter(|b| !b.is_empty()).unwrap_or("opgegeven met buig verleend").to_string();
        let store = open_store(&a.db)?;
        let v = Verleend { jaar, verleend, bedrag, status: "opgegeven".into(), bron };
        buig_store::block_on(async {
            store.gemeente(code).await.map_err(db)?.ok_or((2, format!("--gemeente: {code} is onbekend")))?;
            store.zet_verleend(code, &v).await.map_err(db)?;
            let details = format!("jaar={} verleend={}", v.jaar, if v.verleend { "ja" } else { "nee" });
            store.audit(None, "vangnet.verleend", Some(&code), &details).await.map_err(db)
        })?;
        println!("{code} {}: vangnetuitkering {}.", v.jaar, if v.verleend { "verleend" } else { "niet verleend" });
        return Ok(());
    }
    let store = open_store(&a.db)?;
    let rijen = buig_store::block_on(store.verleend(code)).map_err(db)?;
    if rijen.is_empty() {
        println!("Voor {code} is niet vastgelegd over welke jaren een vangnetuitkering is verleend (voorwaarde e blijft dan onbekend, tenzij --verleend wordt meegegeven).");
    }
    for r in rijen {
        let bedrag = r.bedrag.map(|b| format!(" {}", buig_core::nl::money(b))).unwrap_or_default();
        let wat = if r.verleend { "verleend" } else { "niet verleend" };
        println!("{} {wat}{bedrag} ({}; bron: {})", r.jaar, r.status, r.bron);
    }
    Ok(())
}
