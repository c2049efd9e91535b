//! User accounts (migration 0005): users with an argon2id password, a role
//! per gemeente (lezer < bewerker < beheerder), login sessions with a CSRF
//! token, API tokens and the audit log.
//!
//! Invariants: a password is stored only as its argon2id PHC string; session
//! and API tokens only as their SHA-256 (hex), so the database alone lets
//! nobody in. Names are lowercase. Removing a user removes its roles,
//! sessions and tokens in the same transaction; changing a password ends the
//! user's sessions. Access is per gemeente: no role means no access.

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use buig_core::GemeenteCode;
use sha2::{Digest, Sha256};
use sqlx::any::AnyRow;
use sqlx::Row;

use crate::import::now_utc;
use crate::{parse_col, Store, StoreError};

/// The shortest password accepted, in characters.
pub const MIN_WACHTWOORD: usize = 12;
/// The longest password accepted, in characters (hashing cost stays bounded).
pub const MAX_WACHTWOORD: usize = 1024;
/// The longest user name, in characters.
pub const MAX_NAAM: usize = 64;
/// Prefix of every API token.
pub const TOKEN_PREFIX: &str = "buig_";

/// How often an insert with `MAX(id) + 1` is retried when a concurrent
/// insert took the same id.
const POGINGEN: usize = 8;

/// User-facing failures of account management, in Dutch.
#[derive(Debug, thiserror::Error)]
pub enum GebruikerFout {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("gebruiker \"{0}\" bestaat niet")]
    Onbekend(String),
    #[error("gebruiker \"{0}\" bestaat al")]
    BestaatAl(String),
    #[error("\"{0}\" is geen geldige gebruikersnaam: gebruik 1 tot 64 tekens uit a-z, 0-9, punt, underscore, @ en streepje")]
    OngeldigeNaam(String),
    #[error("het wachtwoord is te kort: gebruik minstens {MIN_WACHTWOORD} tekens")]
    WachtwoordTeKort,
    #[error("het wachtwoord is te lang: gebruik hoogstens {MAX_WACHTWOORD} tekens")]
    WachtwoordTeLang,
    #[error("gemeente {0} staat niet in de database")]
    OnbekendeGemeente(GemeenteCode),
}

impl From<sqlx::Error> for GebruikerFout {
    fn from(e: sqlx::Error) -> Self {
        GebruikerFout::Store(StoreError::Sql(e))
    }
}

/// A role for one gemeente; the order is the order of rights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rol {
    /// Reads figures, plans and reports.
    Lezer,
    /// Also imports data and edits plans.
    Bewerker,
    /// Also manages the gemeente's users.
    Beheerder,
}

impl Rol {
    pub const ALLE: [Rol; 3] = [Rol::Lezer, Rol::Bewerker, Rol::Beheerder];

    pub fn as_str(self) -> &'static str {
        match self {
            Rol::Lezer => "lezer",
            Rol::Bewerker => "bewerker",
            Rol::Beheerder => "beheerder",
        }
    }
}

impl fmt::Display for Rol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Rol {
    type Err = String;
    /// `lezer`, `bewerker`, `beheerder` (or `viewer`, `editor`, `admin`), any case.
    fn from_str(s: &str) -> Result<Rol, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "lezer" | "viewer" => Ok(Rol::Lezer),
            "bewerker" | "editor" => Ok(Rol::Bewerker),
            "beheerder" | "admin" => Ok(Rol::Beheerder),
            _ => Err(format!("\"{}\" is geen rol (kies lezer, bewerker of beheerder)", s.trim())),
        }
    }
}

/// A user with its roles, sorted by gemeente.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gebruiker {
    pub id: i64,
    pub naam: String,
    pub rollen: Vec<(GemeenteCode, Rol)>,
}

impl Gebruiker {
    /// The role for that gemeente; `None` means no access.
    pub fn rol(&self, gemeente: &GemeenteCode) -> Option<Rol> {
        self.rollen.iter().find(|(g, _)| g == gemeente).map(|(_, r)| *r)
    }

    pub fn mag_lezen(&self, g: &GemeenteCode) -> bool {
        self.rol(g).is_some()
    }

    pub fn mag_bewerken(&self, g: &GemeenteCode) -> bool {
        self.rol(g) >= Some(Rol::Bewerker)
    }

    pub fn is_beheerder(&self, g: &GemeenteCode) -> bool {
        self.rol(g) == Some(Rol::Beheerder)
    }

    /// The gemeenten this user may see, sorted.
    pub fn gemeenten(&self) -> Vec<GemeenteCode> {
        let mut v: Vec<GemeenteCode> = self.rollen.iter().map(|(g, _)| *g).collect();
        v.sort();
        v.dedup();
        v
    }
}

/// A new login session: the token goes into the cookie, the CSRF token into
/// forms. Only the token's SHA-256 is stored. `Debug` never shows either.
#[derive(Clone, PartialEq, Eq)]
pub struct Sessie {
    pub token: String,
    pub csrf: String,
}

impl fmt::Debug for Sessie {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Sessie { token: ***, csrf: *** }")
    }
}

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRegel {
    /// UTC, RFC 3339.
    pub tijd: String,
    /// The acting user; `None` for the command line.
    pub gebruiker: Option<String>,
    pub actie: String,
    pub gemeente: Option<String>,
    pub details: String,
}

/// A user name as stored: trimmed and lowercase.
fn normaliseer(naam: &str) -> String {
    naam.trim().to_lowercase()
}

fn geldige_naam(naam: &str) -> Result<String, GebruikerFout> {
    let n = normaliseer(naam);
    let ok = !n.is_empty()
        && n.chars().count() <= MAX_NAAM
        && n.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '@' | '-'));
    if ok {
        Ok(n)
    } else {
        Err(GebruikerFout::OngeldigeNaam(naam.to_string()))
    }
}

fn sterk_genoeg(wachtwoord: &str) -> Result<(), GebruikerFout> {
    let n = wachtwoord.chars().count();
    if n < MIN_WACHTWOORD {
        Err(GebruikerFout::WachtwoordTeKort)
    } else if n > MAX_WACHTWOORD {
        Err(GebruikerFout::WachtwoordTeLang)
    } else {
        Ok(())
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn sha256_hex(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn willekeurig_hex() -> Result<String, StoreError> {
    let mut b = [0u8; 32];
    getrandom::getrandom(&mut b).map_err(|e| StoreError::Data { veld: "token".into(), melding: e.to_string() })?;
    Ok(hex(&b))
}

fn unix_nu() -> i64 {
    jiff::Timestamp::now().as_second()
}

fn hashfout(melding: impl fmt::Display) -> StoreError {
    StoreError::Data { veld: "wachtwoord".into(), melding: melding.to_string() }
}

/// Argon2 is slow on purpose: run it off the async worker threads.
async fn blokkerend<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Result<T, StoreError> {
    tokio::task::spawn_blocking(f).await.map_err(hashfout)
}

fn hash_wachtwoord(wachtwoord: &str) -> Result<String, StoreError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default().hash_password(wachtwoord.as_bytes(), &salt).map(|h| h.to_string()).map_err(hashfout)
}

fn klopt(wachtwoord: &str, phc: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|h| Argon2::default().verify_password(wachtwoord.as_bytes(), &h).is_ok())
}

/// A hash of no one's password, verified for unknown users so that the
/// answer takes as long as for a known one.
fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash_wachtwoord("geen-gebruiker-heeft-dit-wachtwoord").unwrap_or_default())
}

/// A random password of `lengte` characters from letters and digits without
/// look-alikes (no 0/O, 1/l/I), for accounts made on the command line.
pub fn willekeurig_wachtwoord(lengte: usize) -> Result<String, StoreError> {
    const TEKENS: &[u8] = b"abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    // Rejection sampling: only bytes below a multiple of the alphabet size, so
    // every character is equally likely.
    let grens = 256 - 256 % TEKENS.len();
    let mut uit = String::with_capacity(lengte);
    let mut buf = [0u8; 64];
    while uit.len() < lengte {
        getrandom::getrandom(&mut buf).map_err(|e| StoreError::Data { veld: "wachtwoord".into(), melding: e.to_string() })?;
        for &b in buf.iter().filter(|&&b| (b as usize) < grens) {
            if uit.len() < lengte {
                uit.push(TEKENS[b as usize % TEKENS.len()] as char);
            }
        }
    }
    Ok(uit)
}

impl Store {
    async fn gebruiker_id(&self, naam: &str) -> Result<Option<i64>, StoreError> {
        Ok(sqlx::query_scalar("SELECT id FROM gebruikers WHERE naam = $1").bind(normaliseer(naam)).fetch_optional(self.pool()).await?)
    }

    async fn bestaand_id(&self, naam: &str) -> Result<i64, GebruikerFout> {
        self.gebruiker_id(naam).await?.ok_or_else(|| GebruikerFout::Onbekend(normaliseer(naam)))
    }

    async fn rollen_van(&self, id: i64) -> Result<Vec<(GemeenteCode, Rol)>, StoreError> {
        sqlx::query("SELECT gemeente, rol FROM gebruiker_rollen WHERE gebruiker_id = $1 ORDER BY gemeente")
            .bind(id)
            .fetch_all(self.pool())
            .await?
            .iter()
            .map(rol_uit_rij)
            .collect()
    }

    async fn gebruiker_met_id(&self, id: i64) -> Result<Option<Gebruiker>, StoreError> {
        let Some(naam) =
            sqlx::query_scalar::<_, String>("SELECT naam FROM gebruikers WHERE id = $1").bind(id).fetch_optional(self.pool()).await?
        else {
            return Ok(None);
        };
        Ok(Some(Gebruiker { id, naam, rollen: self.rollen_van(id).await? }))
    }

    /// Adds a user; the password is stored as an argon2id PHC string.
    pub async fn gebruiker_toevoegen(&self, naam: &str, wachtwoord: &str) -> Result<i64, GebruikerFout> {
        let naam = geldige_naam(naam)?;
        sterk_genoeg(wachtwoord)?;
        if self.gebruiker_id(&naam).await?.is_some() {
            return Err(GebruikerFout::BestaatAl(naam));
        }
        let w = wachtwoord.to_string();
        let phc = blokkerend(move || hash_wachtwoord(&w)).await??;
        for _ in 0..POGINGEN {
            let r = sqlx::query(
                "INSERT INTO gebruikers (id, naam, wachtwoord, aangemaakt)
                 SELECT COALESCE(MAX(id), 0) + 1, $1, $2, $3 FROM gebruikers WHERE 1 = 1
                 ON CONFLICT DO NOTHING",
            )
            .bind(naam.clone())
            .bind(phc.clone())
            .bind(now_utc())
            .execute(self.pool())
            .await?;
            match self.gebruiker_id(&naam).await? {
                Some(id) if r.rows_affected() == 1 => return Ok(id),
                Some(_) => return Err(GebruikerFout::BestaatAl(naam)),
                None => continue, // another insert took the id: try the next
            }
        }
        Err(StoreError::Data { veld: "gebruikers.id".into(), melding: "geen vrij id gevonden".into() }.into())
    }

    /// Sets a new password and ends the user's sessions.
    pub async fn wachtwoord_wijzigen(&self, naam: &str, wachtwoord: &str) -> Result<(), GebruikerFout> {
        sterk_genoeg(wachtwoord)?;
        let id = self.bestaand_id(naam).await?;
        let w = wachtwoord.to_string();
        let phc = blokkerend(move || hash_wachtwoord(&w)).await??;
        let mut tx = self.pool().begin().await?;
        sqlx::query("UPDATE gebruikers SET wachtwoord = $1 WHERE id = $2").bind(phc).bind(id).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM sessies WHERE gebruiker_id = $1").bind(id).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Removes a user with its roles, sessions and API tokens.
    pub async fn gebruiker_verwijderen(&self, naam: &str) -> Result<(), GebruikerFout> {
        let id = self.bestaand_id(naam).await?;
        let mut tx = self.pool().begin().await?;
        for tabel in ["gebruiker_rollen", "sessies", "api_tokens"] {
            sqlx::query(&format!("DELETE FROM {tabel} WHERE gebruiker_id = $1")).bind(id).execute(&mut *tx).await?;
        }
        sqlx::query("DELETE FROM gebruikers WHERE id = $1").bind(id).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Gives the user this role for the gemeente, replacing an earlier one.
    pub async fn rol_toekennen(&self, naam: &str, gemeente: &GemeenteCode, rol: Rol) -> Result<(), GebruikerFout> {
        let id = self.bestaand_id(naam).await?;
        let bekend: Option<String> =
            sqlx::query_scalar("SELECT code FROM gemeenten WHERE code = $1").bind(gemeente.to_string()).fetch_optional(self.pool()).await?;
        if bekend.is_none() {
            return Err(GebruikerFout::OnbekendeGemeente(*gemeente));
        }
        sqlx::query(
            "INSERT INTO gebruiker_rollen (gebruiker_id, gemeente, rol) VALUES ($1, $2, $3)
             ON CONFLICT (gebruiker_id, gemeente) DO UPDATE SET rol = excluded.rol",
        )
        .bind(id)
        .bind(gemeente.to_string())
        .bind(rol.as_str())
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Takes away the user's role for the gemeente (nothing if it had none).
    pub async fn rol_intrekken(&self, naam: &str, gemeente: &GemeenteCode) -> Result<(), GebruikerFout> {
        let id = self.bestaand_id(naam).await?;
        sqlx::query("DELETE FROM gebruiker_rollen WHERE gebruiker_id = $1 AND gemeente = $2")
            .bind(id)
            .bind(gemeente.to_string())
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// A user by name (any case), with its roles.
    pub async fn gebruiker(&self, naam: &str) -> Result<Option<Gebruiker>, StoreError> {
        match self.gebruiker_id(naam).await? {
            Some(id) => self.gebruiker_met_id(id).await,
            None => Ok(None),
        }
    }

    /// All users by name, each with its roles.
    pub async fn gebruikers(&self) -> Result<Vec<Gebruiker>, StoreError> {
        let mut lijst: Vec<Gebruiker> = sqlx::query("SELECT id, naam FROM gebruikers ORDER BY naam")
            .fetch_all(self.pool())
            .await?
            .into_iter()
            .map(|r: AnyRow| Gebruiker { id: r.get(0), naam: r.get(1), rollen: Vec::new() })
            .collect();
        let rollen = sqlx::query("SELECT gemeente, rol, gebruiker_id FROM gebruiker_rollen ORDER BY gebruiker_id, gemeente")
            .fetch_all(self.pool())
            .await?;
        for r in &rollen {
            let id: i64 = r.get(2);
            if let Some(g) = lijst.iter_mut().find(|g| g.id == id) {
                g.rollen.push(rol_uit_rij(r)?);
            }
        }
        Ok(lijst)
    }

    pub async fn aantal_gebruikers(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM gebruikers").fetch_one(self.pool()).await?)
    }

    /// The user when the password is right; `None` for a wrong password or
    /// an unknown user, which takes as long (one argon2 verification).
    pub async fn controleer_wachtwoord(&self, naam: &str, wachtwoord: &str) -> Result<Option<Gebruiker>, StoreError> {
        let rij: Option<(i64, String)> = sqlx::query_as("SELECT id, wachtwoord FROM gebruikers WHERE naam = $1")
            .bind(normaliseer(naam))
            .fetch_optional(self.pool())
            .await?;
        let w: String = wachtwoord.chars().take(MAX_WACHTWOORD + 1).collect();
        let (id, phc) = match rij {
            Some((id, phc)) => (Some(id), phc),
            None => (None, dummy_hash().to_string()),
        };
        let goed = blokkerend(move || klopt(&w, &phc)).await?;
        match id {
            Some(id) if goed => self.gebruiker_met_id(id).await,
            _ => Ok(None),
        }
    }

    /// Starts a session valid for `geldig_seconden`; stores only the SHA-256
    /// of the token, the CSRF token and the expiry (unix seconds). Expired
    /// sessions are cleared on the way.
    pub async fn sessie_maken(&self, gebruiker_id: i64, geldig_seconden: i64) -> Result<Sessie, StoreError> {
        let nu = unix_nu();
        sqlx::query("DELETE FROM sessies WHERE verloopt <= $1").bind(nu).execute(self.pool()).await?;
        let sessie = Sessie { token: willekeurig_hex()?, csrf: willekeurig_hex()? };
        sqlx::query("INSERT INTO sessies (token_sha256, gebruiker_id, csrf, verloopt, aangemaakt) VALUES ($1, $2, $3, $4, $5)")
            .bind(sha256_hex(&sessie.token))
            .bind(gebruiker_id)
            .bind(sessie.csrf.clone())
            .bind(nu.saturating_add(geldig_seconden))
            .bind(now_utc())
            .execute(self.pool())
            .await?;
        Ok(sessie)
    }

    /// The user and CSRF token of a session; `None` when unknown or expired.
    pub async fn sessie(&self, token: &str) -> Result<Option<(Gebruiker, String)>, StoreError> {
        let rij: Option<(i64, String)> = sqlx::query_as("SELECT gebruiker_id, csrf FROM sessies WHERE token_sha256 = $1 AND verloopt > $2")
            .bind(sha256_hex(token))
            .bind(unix_nu())
            .fetch_optional(self.pool())
            .await?;
        let Some((id, csrf)) = rij else { return Ok(None) };
        Ok(self.gebruiker_met_id(id).await?.map(|g| (g, csrf)))
    }

    /// Ends a session (logout); an unknown token is no error.
    pub async fn sessie_beeindigen(&self, token: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM sessies WHERE token_sha256 = $1").bind(sha256_hex(token)).execute(self.pool()).await?;
        Ok(())
    }

    /// A new API token for the user: `buig_` and 64 hex digits, returned
    /// once; only its SHA-256 is stored.
    pub async fn api_token_maken(&self, naam: &str, omschrijving: &str) -> Result<String, GebruikerFout> {
        let id = self.bestaand_id(naam).await?;
        let token = format!("{TOKEN_PREFIX}{}", willekeurig_hex()?);
        sqlx::query("INSERT INTO api_tokens (token_sha256, gebruiker_id, omschrijving, aangemaakt) VALUES ($1, $2, $3, $4)")
            .bind(sha256_hex(&token))
            .bind(id)
            .bind(omschrijving.trim().to_string())
            .bind(now_utc())
            .execute(self.pool())
            .await?;
        Ok(token)
    }

    /// The user an API token belongs to; `None` when unknown.
    pub async fn api_token_gebruiker(&self, token: &str) -> Result<Option<Gebruiker>, StoreError> {
        let token = token.trim();
        if !token.starts_with(TOKEN_PREFIX) {
            return Ok(None);
        }
        let id: Option<i64> = sqlx::query_scalar("SELECT gebruiker_id FROM api_tokens WHERE token_sha256 = $1")
            .bind(sha256_hex(token))
            .fetch_optional(self.pool())
            .await?;
        match id {
            Some(id) => self.gebruiker_met_id(id).await,
            None => Ok(None),
        }
    }

    /// Writes one line to the audit log; `gebruiker` `None` is the command line.
    pub async fn audit(
        &self,
        gebruiker: Option<&str>,
        actie: &str,
        gemeente: Option<&GemeenteCode>,
        details: &str,
    ) -> Result<(), StoreError> {
        for _ in 0..POGINGEN {
            let r = sqlx::query(
                "INSERT INTO auditlog (id, tijd, gebruiker, actie, gemeente, details)
                 SELECT COALESCE(MAX(id), 0) + 1, $1, $2, $3, $4, $5 FROM auditlog WHERE 1 = 1
                 ON CONFLICT DO NOTHING",
            )
            .bind(now_utc())
            .bind(gebruiker.map(str::to_string))
            .bind(actie.to_string())
            .bind(gemeente.map(|g| g.to_string()))
            .bind(details.to_string())
            .execute(self.pool())
            .await?;
            if r.rows_affected() == 1 {
                return Ok(());
            }
        }
        Err(StoreError::Data { veld: "auditlog.id".into(), melding: "geen vrij id gevonden".into() })
    }

    /// The newest `limiet` lines of the audit log, newest first; with a
    /// gemeente only the lines about that gemeente.
    pub async fn auditlog(&self, gemeente: Option<&GemeenteCode>, limiet: i64) -> Result<Vec<AuditRegel>, StoreError> {
        let limiet = limiet.max(0);
        let q = match gemeente {
            Some(g) => {
                sqlx::query("SELECT tijd, gebruiker, actie, gemeente, details FROM auditlog WHERE gemeente = $1 ORDER BY id DESC LIMIT $2")
                    .bind(g.to_string())
                    .bind(limiet)
            }
            None => sqlx::query("SELECT tijd, gebruiker, actie, gemeente, details FROM auditlog ORDER BY id DESC LIMIT $1").bind(limiet),
        };
        Ok(q.fetch_all(self.pool())
            .await?
            .into_iter()
            .map(|r: AnyRow| AuditRegel { tijd: r.get(0), gebruiker: r.get(1), actie: r.get(2), gemeente: r.get(3), details: r.get(4) })
            .collect())
    }
}

fn rol_uit_rij(r: &AnyRow) -> Result<(GemeenteCode, Rol), StoreError> {
    Ok((parse_col("gebruiker_rollen.gemeente", &r.get::<String, _>(0))?, parse_col("gebruiker_rollen.rol", &r.get::<String, _>(1))?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_ordered_by_rights_and_read_in_dutch_and_english() {
        assert!(Rol::Lezer < Rol::Bewerker && Rol::Bewerker < Rol::Beheerder);
        for r in Rol::ALLE {
            assert_eq!(r.as_str().parse::<Rol>().unwrap(), r);
        }
        assert_eq!("Admin".parse::<Rol>().unwrap(), Rol::Beheerder);
        assert_eq!("viewer".parse::<Rol>().unwrap(), Rol::Lezer);
        assert_eq!("editor".parse::<Rol>().unwrap(), Rol::Bewerker);
        assert!("baas".parse::<Rol>().unwrap_err().contains("geen rol"));
    }

    #[test]
    fn names_are_lowercased_and_limited_to_a_safe_alphabet() {
        assert_eq!(geldige_naam(" Jan.de-Vries@gm0150 ").unwrap(), "jan.de-vries@gm0150");
        assert!(geldige_naam("").is_err());
        assert!(geldige_naam("jan de vries").is_err());
        assert!(geldige_naam("jan<script>").is_err());
        assert!(geldige_naam(&"a".repeat(64)).is_ok());
        assert!(geldige_naam(&"a".repeat(65)).is_err());
    }

    #[test]
    fn a_generated_password_has_the_length_asked_and_is_strong_enough() {
        let a = willekeurig_wachtwoord(20).unwrap();
        let b = willekeurig_wachtwoord(20).unwrap();
        assert_eq!(a.chars().count(), 20);
        assert_ne!(a, b);
        assert!(a.chars().all(|c| c.is_ascii_alphanumeric() && !"0O1lI".contains(c)), "{a}");
        assert!(sterk_genoeg(&a).is_ok());
    }

    #[test]
    fn a_sessie_never_shows_its_tokens_in_debug_output() {
        let s = Sessie { token: "geheim-token".into(), csrf: "geheime-csrf".into() };
        let d = format!("{s:?}");
        assert!(!d.contains("geheim"), "{d}");
    }
}
