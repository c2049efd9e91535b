// SPDX-License-Identifier: EUPL-1.2
//! The comparison: the user's own gemeenten side by side, per year, against
//! all gemeenten in the database and against their size class — stock per
//! 1,000 inhabitants and as an index. Other gemeenten appear only summed in
//! a group, and a group figure is shown only when at least [`MIN_GROEP`]
//! gemeenten other than every gemeente the user has a role on contribute to
//! it in that year, so no single gemeente can be read off it.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use buig_grafiek::{Eenheid, Grafiek, Reeks as Lijn, Soort, Stijl};
use maud::html;

use crate::fout::Fout;
use crate::gegevens;
use crate::pagina::{self, grafiek};
use crate::sessie::Ingelogd;
use crate::Staat;

pub use buig_bestand::MIN_GROEP;

/// GET /vergelijking.
pub async fn pagina(State(staat): State<Staat>, ik: Ingelogd) -> Response {
    match inhoud(&staat, &ik).await {
        Ok(r) => r,
        Err(e) => pagina::fout_response(Some(&ik), e),
    }
}

/// `1 gemeente`, `9 gemeenten`.
fn gemeenten(n: usize) -> String {
    if n == 1 {
        "1 gemeente".into()
    } else {
        format!("{} gemeenten", buig_core::nl::aantal(n as u64))
    }
}

fn per1000(x: Option<f64>) -> String {
    x.map(|v| pagina::getal(v, 1)).unwrap_or_else(|| "–".into())
}

async fn inhoud(staat: &Staat, ik: &Ingelogd) -> Result<Response, Fout> {
    let rijen = gegevens::vergelijking(staat, &ik.gebruiker.gemeenten()).await?;
    let l = gegevens::landelijk(staat, buig_dienst::landelijk::jaarvraag()).await?;
    let mut g = Grafiek::new("Uitkeringen per 1.000 inwoners, eind van het jaar", Soort::Lijn, Eenheid::Aantal);
    g.beschrijving = "Het aantal lopende uitkeringen per 1.000 inwoners aan het eind van elk jaar, voor uw gemeenten en voor alle gemeenten in de database samen.".into();
    if let Some(eerste) = rijen.iter().max_by_key(|r| r.reeks.reeks.len()) {
        g.x_labels = eerste.reeks.reeks.iter().map(|p| p.periode.clone()).collect();
        let waarde = |r: &buig_bestand::Reeks, periode: &str| r.punt(periode).and_then(|p| p.per_1000);
        for r in &rijen {
            g.reeksen.push(Lijn {
                naam: r.naam.clone(),
                waarden: g.x_labels.iter().map(|x| waarde(&r.reeks, x)).collect(),
                stijl: Stijl::Doorgetrokken,
            });
        }
        if let Some(land) = &eerste.land {
            g.reeksen.push(Lijn {
                naam: "Alle gemeenten".into(),
                waarden: g.x_labels.iter().map(|x| land.reeks.iter().find(|p| &p.periode == x).and_then(|p| p.per_1000)).collect(),
                stijl: Stijl::Gestippeld,
            });
        }
        // One line per size class of the user's gemeenten (regional users may span classes).
        let mut klassen: Vec<&buig_bestand::Vergelijking> = Vec::new();
        for k in rijen.iter().filter_map(|r| r.klasse.as_ref()) {
            if !klassen.iter().any(|x| x.groep == k.groep) {
                klassen.push(k);
            }
        }
        for k in klassen {
            g.reeksen.push(Lijn {
                naam: buig_core::nl::hoofdletter(&k.groep),
                waarden: g.x_labels.iter().map(|x| k.reeks.iter().find(|p| &p.periode == x).and_then(|p| p.per_1000)).collect(),
                stijl: Stijl::Gestippeld,
            });
        }
    }
    // Gemeenten with benefits other than the user's own: a group needs MIN_GROEP of them.
    let eigen = ik.gebruiker.gemeenten();
    let anderen: Vec<_> = l.reeksen.keys().filter(|c| !eigen.contains(c)).collect();
    let groep_mogelijk = anderen.len() >= MIN_GROEP;
    let fictief = !anderen.is_empty() && anderen.iter().all(|c| buig_store::demo::is_fictief(**c));
    let body = html! {
        h1 { "Vergelijking" }
        @if groep_mogelijk {
            p { "Uw gemeenten naast alle " (gemeenten(l.reeksen.len())) " met uitkeringen in de database en naast hun grootteklasse (naar het laatst bekende inwonertal). Andere gemeenten tellen alleen mee in een groepstotaal. Een groepscijfer staat er alleen als in dat jaar minstens " (MIN_GROEP) " gemeenten buiten de gemeenten waar u toegang toe heeft eraan bijdragen; anders staat er een streepje." }
        } @else {
            p { "Uw gemeenten per jaar. Een vergelijking met andere gemeenten kan pas als de database uitkeringen heeft van minstens " (MIN_GROEP) " andere gemeenten dan die waar u toegang toe heeft (nu " (anderen.len()) "): zo is nooit één gemeente uit een groepscijfer af te lezen." }
        }
        @if fictief && groep_mogelijk {
            p.melding.let-op { strong { "Demo: " } "de andere gemeenten in deze database zijn verzonnen. Het zijn " (gemeenten(anderen.len())) " met fictieve namen en cijfers (" (buig_core::nl::opsomming(&buig_store::demo::BUREN.iter().filter(|b| anderen.iter().any(|c| c.to_string() == b.0)).map(|b| b.1).collect::<Vec<_>>())) "), alleen om te laten zien hoe de vergelijking werkt." }
        }
        (grafiek(&g))
        @for r in &rijen {
            h2 { (r.naam) " " span.klein { (r.code) } }
            @if r.reeks.reeks.is_empty() { p { "Geen uitkeringen van " (r.naam) " in de database." } } @else {
                div.tabelrol tabindex="0" { table {
                    caption { (r.naam) ": stand per 1.000 inwoners en index (eerste jaar = 100)" }
                    thead { tr {
                        th scope="col" { "Jaar" } th.getal scope="col" { "Stand" } th.getal scope="col" { "Per 1.000" }
                        th.getal scope="col" { "Per 1.000 alle gemeenten" } th.getal scope="col" { "Per 1.000 grootteklasse" }
                        th.getal scope="col" { "Index eigen" } th.getal scope="col" { "Index alle gemeenten" }
                    } }
                    tbody { @for p in &r.reeks.reeks {
                        @let land = r.land.as_ref().and_then(|v| v.punt(&p.periode));
                        @let klasse = r.klasse.as_ref().and_then(|v| v.punt(&p.periode));
                        @let basis = r.reeks.reeks.first().map(|q| q.stand).filter(|s| *s > 0);
                        tr {
                            th scope="row" { (p.periode) } td.getal { (buig_core::nl::getal(p.stand.into(), 0)) } td.getal { (per1000(p.per_1000)) }
                            td.getal { (per1000(land.and_then(|x| x.per_1000))) } td.getal { (per1000(klasse.and_then(|x| x.per_1000))) }
                            td.getal { (basis.map(|b| pagina::getal(p.stand as f64 * 100.0 / b as f64, 1)).unwrap_or_else(|| "–".into())) }
                            td.getal { (per1000(land.and_then(|x| x.index))) }
                        }
                    } }
                } }
                p.bron {
                    @if let Some(v) = &r.land { "Alle gemeenten in de database: " (gemeenten(v.gemeenten)) ". " } @else { "Te weinig andere gemeenten in de database voor een landelijke vergelijking. " }
                    @if let Some(v) = &r.klasse { (buig_core::nl::hoofdletter(&v.groep)) ": " (gemeenten(v.gemeenten)) "." } @else { "Grootteklasse: onbekend of te weinig andere gemeenten." }
                }
            }
        }
    };
    Ok(pagina::pagina(ik, None, "vergelijking", "Vergelijking", body).into_response())
}
