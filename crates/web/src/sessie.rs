// SPDX-License-Identifier: EUPL-1.2
//! Who is asking, and what may they see: the session of a logged-in user
//! ([`Ingelogd`], from the HttpOnly cookie whose token the store keeps only
//! hashed) and the user of an API call ([`ApiGebruiker`], a bearer token or
//! the session). [`Ingelogd::gemeente`] turns a code in a URL into a
//! gemeente the user has a role on, or into 404 — the same answer as an
//! unknown code, so a URL never tells whether another gemeente's data exist.

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use axum_extra::extract::cookie::CookieJar;
use buig_core::GemeenteCode;
use buig_store::gebruikers::Gebruiker;

use crate::fout::{self, Fout};
use crate::Staat;

pub const SESSIE_COOKIE: &str = "buig_sessie";

/// Compares two secrets in time independent of where they differ.
pub fn gelijk(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// What a logged-in request carries.
pub struct Ingelogd {
    pub gebruiker: Gebruiker,
    /// The session's CSRF token, for the forms of the page.
    pub csrf: String,
}

/// How much a route needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recht {
    Lezen,
    Bewerken,
}

impl Ingelogd {
    /// The gemeente of a URL if the user has a role on it that allows `recht`.
    pub fn gemeente(&self, code: &str, recht: Recht) -> Result<GemeenteCode, Fout> {
        let code: GemeenteCode = code.trim().to_ascii_uppercase().parse().map_err(|_| Fout::NietGevonden)?;
        if !self.gebruiker.mag_lezen(&code) {
            return Err(Fout::NietGevonden);
        }
        if recht == Recht::Bewerken && !self.gebruiker.mag_bewerken(&code) {
            return Err(Fout::GeenRecht(format!(
                "Uw rol voor {code} is lezer: gegevens importeren of wijzigen vraagt de rol bewerker. Vraag een beheerder van uw gemeente."
            )));
        }
        Ok(code)
    }

    /// Refuses a form whose CSRF token is not this session's.
    pub fn controleer_csrf(&self, gegeven: &str) -> Result<(), Fout> {
        if gelijk(gegeven, &self.csrf) {
            Ok(())
        } else {
            Err(Fout::GeenRecht(
                "Het formulier is verlopen of niet van deze site (CSRF-controle). Laad de pagina opnieuw en probeer het nog eens.".into(),
            ))
        }
    }
}

/// The path (with query) to come back to after logging in, percent-encoded for a query string.
pub fn codeer(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Why a page request is not let through: to the login page, or a fault.
pub enum Afwijzing {
    /// Not logged in: log in first, then come back to this path.
    Inloggen {
        terug: String,
    },
    Fout(Fout),
}

impl FromRequestParts<Staat> for Ingelogd {
    type Rejection = Afwijzing;

    async fn from_request_parts(parts: &mut Parts, staat: &Staat) -> Result<Self, Afwijzing> {
        let jar = CookieJar::from_headers(&parts.headers);
        if let Some(c) = jar.get(SESSIE_COOKIE) {
            match staat.store.sessie(c.value()).await {
                Ok(Some((gebruiker, csrf))) => return Ok(Ingelogd { gebruiker, csrf }),
                Ok(None) => {}
                Err(e) => return Err(Afwijzing::Fout(Fout::Intern(e.to_string()))),
            }
        }
        let terug = parts.uri.path_and_query().map(|p| p.as_str()).unwrap_or("/").to_string();
        Err(Afwijzing::Inloggen { terug })
    }
}

/// The user of an API call: a bearer token, or the session cookie of the web
/// app. The second field says whether a token was used: only those may
/// write (a cookie rides along with any cross-site request; a token does not).
pub struct ApiGebruiker(pub Gebruiker, pub bool);

impl FromRequestParts<Staat> for ApiGebruiker {
    type Rejection = axum::response::Response;

    async fn from_request_parts(parts: &mut Parts, staat: &Staat) -> Result<Self, axum::response::Response> {
        let intern = |e: buig_store::StoreError| fout::json(Fout::Intern(e.to_string()));
        if let Some(h) = parts.headers.get(header::AUTHORIZATION).and_then(|h| h.to_str().ok()) {
            let token = h.strip_prefix("Bearer ").unwrap_or("").trim();
            return match staat.store.api_token_gebruiker(token).await.map_err(intern)? {
                Some(g) => Ok(ApiGebruiker(g, true)),
                None => Err(fout::niet_ingelogd("het API-token is onbekend of ingetrokken")),
            };
        }
        if let Some(c) = CookieJar::from_headers(&parts.headers).get(SESSIE_COOKIE) {
            if let Some((g, _)) = staat.store.sessie(c.value()).await.map_err(intern)? {
                return Ok(ApiGebruiker(g, false));
            }
        }
        Err(fout::niet_ingelogd("geef een API-token: Authorization: Bearer buig_… (een beheerder maakt er een voor u aan)"))
    }
}
