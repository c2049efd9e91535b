// SPDX-License-Identifier: EUPL-1.2
//! Logging in and out: login with password (argon2, in the store), a
//! session cookie (HttpOnly, SameSite=Lax, Secure off loopback, gone when
//! the browser closes; the store ends it after a working day anyway), a
//! double-submit token on the login form, and the limiter of
//! [`crate::limiet`] around every password check. Who a request is comes
//! from [`crate::sessie`].

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use maud::html;
use serde::Deserialize;

use crate::fout::{willekeurig_hex, Fout};
use crate::limiet::Klant;
use crate::pagina;
use crate::sessie::{gelijk, Ingelogd, SESSIE_COOKIE};
use crate::Staat;

const LOGIN_COOKIE: &str = "buig_login";
/// A session lasts a working day.
pub const SESSIE_SECONDEN: i64 = 10 * 3600;

/// A random password of 20 characters without look-alikes.
pub fn willekeurig_wachtwoord() -> String {
    const TEKENS: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut b = [0u8; 20];
    getrandom::getrandom(&mut b).expect("the operating system's random source");
    b.iter().map(|x| TEKENS[usize::from(*x) % TEKENS.len()] as char).collect()
}

/// Only a path of this app is a place to return to: one leading `/`, no
/// backslash (browsers read it as `/`), no control character (a tab or a
/// line break is dropped or breaks the header: `/\t/evil.example` would
/// become `//evil.example`); anything else returns to `/`.
fn veilig_terug(t: Option<&str>) -> String {
    match t {
        Some(t) if t.starts_with('/') && !t[1..].starts_with('/') && !t.contains('\\') && !t.chars().any(char::is_control) => t.to_string(),
        _ => "/".to_string(),
    }
}

#[derive(Deserialize)]
pub struct TerugQuery {
    terug: Option<String>,
}

fn login_pagina(staat: &Staat, jar: CookieJar, terug: &str, naam: &str, melding: Option<&str>, status: StatusCode) -> Response {
    let token = willekeurig_hex(32);
    let cookie = Cookie::build((LOGIN_COOKIE, token.clone()))
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(staat.instellingen.secure_cookies)
        .path("/inloggen")
        .build();
    let body = html! {
        section.inloggen {
            h1 { "Inloggen" }
            p { "Log in om de BUIG-cijfers van uw gemeente te zien." }
            @if let Some(m) = melding { p.melding.fout role="alert" { (m) } }
            form method="post" action="/inloggen" {
                input type="hidden" name="csrf" value=(token);
                input type="hidden" name="terug" value=(terug);
                p { label for="naam" { "Gebruikersnaam" } input #naam type="text" name="naam" value=(naam) autocomplete="username" required autofocus; }
                p { label for="wachtwoord" { "Wachtwoord" } input #wachtwoord type="password" name="wachtwoord" autocomplete="current-password" required; }
                p { button type="submit" { "Inloggen" } }
            }
            p.klein { "Nog geen account? Vraag het aan een beheerder van de BUIG-monitor." }
        }
    };
    (status, jar.add(cookie), pagina::kaal("Inloggen", body)).into_response()
}

/// GET /inloggen.
pub async fn inloggen_formulier(State(staat): State<Staat>, jar: CookieJar, Query(q): Query<TerugQuery>) -> Response {
    let terug = veilig_terug(q.terug.as_deref());
    if let Some(c) = jar.get(SESSIE_COOKIE) {
        if let Ok(Some(_)) = staat.store.sessie(c.value()).await {
            return Redirect::to(&terug).into_response();
        }
    }
    login_pagina(&staat, jar, &terug, "", None, StatusCode::OK)
}

#[derive(Deserialize)]
pub struct LoginForm {
    naam: String,
    wachtwoord: String,
    csrf: String,
    terug: Option<String>,
}

/// "over 3 minuten", "over 4 seconden".
fn over(w: std::time::Duration) -> String {
    match w.as_secs() {
        s if s >= 60 => format!("over {} minuten", s.div_ceil(60)),
        s => format!("over {} seconden", s.max(1)),
    }
}

/// POST /inloggen.
pub async fn inloggen(State(staat): State<Staat>, Klant(adres): Klant, jar: CookieJar, Form(f): Form<LoginForm>) -> Response {
    let terug = veilig_terug(f.terug.as_deref());
    let naam = f.naam.trim().to_lowercase();
    let verwacht = jar.get(LOGIN_COOKIE).map(|c| c.value().to_string()).unwrap_or_default();
    if verwacht.is_empty() || !gelijk(&verwacht, &f.csrf) {
        let m = "Het inlogformulier is verlopen. Probeer het nog eens.";
        return login_pagina(&staat, jar, &terug, &naam, Some(m), StatusCode::FORBIDDEN);
    }
    let poging = match staat.limiet.begin(&naam, adres).await {
        Ok(Ok(p)) => p,
        Ok(Err(w)) => {
            let m = format!("Te veel mislukte pogingen. Probeer het {} opnieuw.", over(w));
            return login_pagina(&staat, jar, &terug, &naam, Some(&m), StatusCode::TOO_MANY_REQUESTS);
        }
        Err(e) => return pagina::fout_response(None, Fout::Intern(e.to_string())),
    };
    let (store, n, w) = (staat.store.clone(), naam.clone(), f.wachtwoord);
    let gebruiker = match staat.limiet.controleer(async move { store.controleer_wachtwoord(&n, &w).await }).await {
        Some(Ok(g)) => g,
        Some(Err(e)) => {
            let _ = staat.limiet.vrijgeven(poging).await;
            return pagina::fout_response(None, Fout::Intern(e.to_string()));
        }
        None => {
            let _ = staat.limiet.vrijgeven(poging).await;
            let m = "Er wordt nu erg veel ingelogd. Probeer het over een minuut opnieuw.";
            return login_pagina(&staat, jar, &terug, &naam, Some(m), StatusCode::SERVICE_UNAVAILABLE);
        }
    };
    let Some(g) = gebruiker else {
        staat.limiet.mislukt(poging);
        let _ = staat.store.audit(Some(&naam), "inloggen.mislukt", None, "onjuiste naam of wachtwoord").await;
        let m = "Onbekende gebruikersnaam of onjuist wachtwoord.";
        return login_pagina(&staat, jar, &terug, &naam, Some(m), StatusCode::UNAUTHORIZED);
    };
    if let Err(e) = staat.limiet.gelukt(poging).await {
        return pagina::fout_response(None, Fout::Intern(e.to_string()));
    }
    let sessie = match staat.store.sessie_maken(g.id, SESSIE_SECONDEN).await {
        Ok(s) => s,
        Err(e) => return pagina::fout_response(None, Fout::Intern(e.to_string())),
    };
    let _ = staat.store.audit(Some(&g.naam), "inloggen", None, "").await;
    let cookie = Cookie::build((SESSIE_COOKIE, sessie.token))
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(staat.instellingen.secure_cookies)
        .path("/")
        .build();
    let jar = jar.remove(Cookie::build(LOGIN_COOKIE).path("/inloggen")).add(cookie);
    (jar, Redirect::to(&terug)).into_response()
}

#[derive(Deserialize)]
pub struct CsrfForm {
    csrf: String,
}

/// POST /uitloggen: ends the session in the store, not only the cookie.
pub async fn uitloggen(State(staat): State<Staat>, jar: CookieJar, ik: Ingelogd, Form(f): Form<CsrfForm>) -> Response {
    if let Err(e) = ik.controleer_csrf(&f.csrf) {
        return pagina::fout_response(Some(&ik), e);
    }
    if let Some(c) = jar.get(SESSIE_COOKIE) {
        let _ = staat.store.sessie_beeindigen(c.value()).await;
    }
    let _ = staat.store.audit(Some(&ik.gebruiker.naam), "uitloggen", None, "").await;
    (jar.remove(Cookie::build(SESSIE_COOKIE).path("/")), Redirect::to("/inloggen")).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_local_path_is_a_place_to_return_to() {
        assert_eq!(veilig_terug(Some("/g/GM9999/budget?x=1")), "/g/GM9999/budget?x=1");
        assert_eq!(veilig_terug(Some("//evil.example/")), "/");
        assert_eq!(veilig_terug(Some("https://evil.example/")), "/");
        assert_eq!(veilig_terug(None), "/");
        for t in ["/\t/evil.example", "/\r\nSet-Cookie: x=1", "/\0", "/\\evil.example", "/g/\u{85}x", "/\x7f"] {
            assert_eq!(veilig_terug(Some(t)), "/", "{t:?}");
        }
    }

    #[test]
    fn a_return_path_is_percent_encoded() {
        assert_eq!(crate::sessie::codeer("/g/GM9999/prognose?jaar=2026&x=a b"), "/g/GM9999/prognose%3Fjaar%3D2026%26x%3Da%20b");
    }
}
