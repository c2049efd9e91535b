// SPDX-License-Identifier: EUPL-1.2
//! The configuration of `buig serve`, in layers: the defaults, then a file
//! (`buig.toml` in the working directory, or the file `BUIG_CONFIG` or
//! `--config` names), then the environment; flags of the command line come
//! last (the CLI applies them). Secrets — the database URL may hold a
//! password — are kept in [`Geheim`], which never prints them.
//!
//! | key in buig.toml | environment | default |
//! |---|---|---|
//! | `adres` | `BUIG_ADRES` | `127.0.0.1:8080` |
//! | `database` | `DATABASE_URL` | `sqlite://buig.db` |
//! | `demo` | `BUIG_DEMO` (`0`/`1`, `nee`/`ja`, `false`/`true`) | `true` |
//! | `log_formaat` | `BUIG_LOG_FORMAT` (`tekst`, `json`) | `tekst` |
//! | `log_niveau` | `BUIG_LOG_NIVEAU` (`fout`, `waarschuwing`, `info`, `debug`) | `info` |
//! | `vertrouwde_proxies` (list) | `BUIG_VERTROUWDE_PROXIES` (comma-separated) | none |

use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The file read when neither `--config` nor `BUIG_CONFIG` names one (when it exists).
pub const BESTAND: &str = "buig.toml";

/// A value that is never printed: its `Debug` and `Display` show the URL
/// with the password replaced ([`buig_store::redact`]).
#[derive(Clone, PartialEq, Eq)]
pub struct Geheim(String);

impl Geheim {
    pub fn new(s: impl Into<String>) -> Geheim {
        Geheim(s.into())
    }

    /// The value itself, for the one place that needs it.
    pub fn bloot(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Geheim {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", buig_store::redact(&self.0))
    }
}

impl fmt::Display for Geheim {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&buig_store::redact(&self.0))
    }
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormaat {
    /// Readable lines, for a terminal.
    Tekst,
    /// One JSON object per line, for a log collector.
    Json,
}

/// How much is logged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogNiveau {
    Fout,
    Waarschuwing,
    Info,
    Debug,
}

/// The settings of `buig serve` after every layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Configuratie {
    pub adres: SocketAddr,
    /// The database URL; `None` is the default (`sqlite://buig.db`).
    pub database: Option<Geheim>,
    /// Load the demo data and make the demo account on an empty database.
    pub demo: bool,
    pub log_formaat: LogFormaat,
    pub log_niveau: LogNiveau,
    /// Reverse proxies whose `X-Forwarded-For` names the client.
    pub vertrouwde_proxies: Vec<std::net::IpAddr>,
    /// The file that was read, if any.
    pub bestand: Option<PathBuf>,
}

impl Default for Configuratie {
    fn default() -> Configuratie {
        Configuratie {
            adres: SocketAddr::from(([127, 0, 0, 1], 8080)),
            database: None,
            demo: true,
            log_formaat: LogFormaat::Tekst,
            log_niveau: LogNiveau::Info,
            vertrouwde_proxies: Vec::new(),
            bestand: None,
        }
    }
}

/// The keys `buig.toml` may have; another key is refused (a typo would otherwise pass unseen).
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Bestand {
    adres: Option<String>,
    database: Option<String>,
    demo: Option<bool>,
    log_formaat: Option<String>,
    log_niveau: Option<String>,
    vertrouwde_proxies: Option<Vec<String>>,
}

fn proxies<'a>(bron: &str, lijst: impl Iterator<Item = &'a str>) -> Result<Vec<std::net::IpAddr>, String> {
    lijst
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(|a| a.parse().map_err(|_| format!("{bron}: \"{a}\" is geen IP-adres, zoals 10.0.0.5")))
        .collect()
}

fn adres(bron: &str, s: &str) -> Result<SocketAddr, String> {
    s.trim().parse().map_err(|_| format!("{bron}: \"{s}\" is geen adres met poort, zoals 127.0.0.1:8080 of 0.0.0.0:8080"))
}

fn ja_nee(bron: &str, s: &str) -> Result<bool, String> {
    match s.trim().to_lowercase().as_str() {
        "1" | "ja" | "true" | "aan" => Ok(true),
        "0" | "nee" | "false" | "uit" => Ok(false),
        _ => Err(format!("{bron}: \"{s}\" is geen ja of nee; gebruik 1 of 0")),
    }
}

fn formaat(bron: &str, s: &str) -> Result<LogFormaat, String> {
    match s.trim().to_lowercase().as_str() {
        "tekst" | "text" => Ok(LogFormaat::Tekst),
        "json" => Ok(LogFormaat::Json),
        _ => Err(format!("{bron}: \"{s}\" is geen logformaat; kies tekst of json")),
    }
}

fn niveau(bron: &str, s: &str) -> Result<LogNiveau, String> {
    match s.trim().to_lowercase().as_str() {
        "fout" | "error" => Ok(LogNiveau::Fout),
        "waarschuwing" | "warn" => Ok(LogNiveau::Waarschuwing),
        "info" => Ok(LogNiveau::Info),
        "debug" => Ok(LogNiveau::Debug),
        _ => Err(format!("{bron}: \"{s}\" is geen logniveau; kies fout, waarschuwing, info of debug")),
    }
}

impl Configuratie {
    /// Defaults, then the file (`pad`, else `BUIG_CONFIG`, else `buig.toml`
    /// in the working directory when it exists), then the environment as
    /// `env` reads it. A file named explicitly must exist.
    pub fn laad(pad: Option<&Path>, env: &dyn Fn(&str) -> Option<String>) -> Result<Configuratie, String> {
        let env = |k: &str| env(k).filter(|v| !v.trim().is_empty());
        let mut c = Configuratie::default();
        let gekozen = pad.map(Path::to_path_buf).or_else(|| env("BUIG_CONFIG").map(PathBuf::from));
        let bestand = match gekozen {
            Some(p) => Some(p),
            None => Some(PathBuf::from(BESTAND)).filter(|p| p.is_file()),
        };
        if let Some(p) = bestand {
            let tekst = std::fs::read_to_string(&p).map_err(|e| format!("configuratiebestand {}: {e}", p.display()))?;
            let b: Bestand = toml::from_str(&tekst).map_err(|e| format!("configuratiebestand {}: {}", p.display(), e.message()))?;
            let bron = p.display().to_string();
            if let Some(a) = b.adres {
                c.adres = adres(&format!("{bron}, adres"), &a)?;
            }
            if let Some(d) = b.database.filter(|d| !d.trim().is_empty()) {
                c.database = Some(Geheim::new(d));
            }
            if let Some(d) = b.demo {
                c.demo = d;
            }
            if let Some(f) = b.log_formaat {
                c.log_formaat = formaat(&format!("{bron}, log_formaat"), &f)?;
            }
            if let Some(n) = b.log_niveau {
                c.log_niveau = niveau(&format!("{bron}, log_niveau"), &n)?;
            }
            if let Some(v) = b.vertrouwde_proxies {
                c.vertrouwde_proxies = proxies(&format!("{bron}, vertrouwde_proxies"), v.iter().map(String::as_str))?;
            }
            c.bestand = Some(p);
        }
        if let Some(a) = env("BUIG_ADRES") {
            c.adres = adres("BUIG_ADRES", &a)?;
        }
        if let Some(d) = env("DATABASE_URL") {
            c.database = Some(Geheim::new(d));
        }
        if let Some(d) = env("BUIG_DEMO") {
            c.demo = ja_nee("BUIG_DEMO", &d)?;
        }
        if let Some(f) = env("BUIG_LOG_FORMAT") {
            c.log_formaat = formaat("BUIG_LOG_FORMAT", &f)?;
        }
        if let Some(n) = env("BUIG_LOG_NIVEAU") {
            c.log_niveau = niveau("BUIG_LOG_NIVEAU", &n)?;
        }
        if let Some(v) = env("BUIG_VERTROUWDE_PROXIES") {
            c.vertrouwde_proxies = proxies("BUIG_VERTROUWDE_PROXIES", v.split(','))?;
        }
        Ok(c)
    }

    /// The database URL after every layer.
    pub fn database_url(&self) -> String {
        self.database.as_ref().map_or_else(|| buig_store::DEFAULT_URL.to_string(), |g| g.bloot().to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn omgeving(paren: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let m: HashMap<String, String> = paren.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        move |k| m.get(k).cloned()
    }

    #[test]
    fn the_environment_beats_the_file_and_the_file_beats_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("buig.toml");
        std::fs::write(
            &p,
            "adres = \"0.0.0.0:9000\"\ndatabase = \"postgres://buig:geheim@db/buig\"\ndemo = false\nlog_formaat = \"json\"\nvertrouwde_proxies = [\"10.0.0.5\"]\n",
        )
        .unwrap();
        let c = Configuratie::laad(Some(&p), &omgeving(&[])).unwrap();
        assert_eq!(c.adres, "0.0.0.0:9000".parse().unwrap());
        assert_eq!((c.demo, c.log_formaat, c.log_niveau), (false, LogFormaat::Json, LogNiveau::Info));
        assert_eq!(c.database_url(), "postgres://buig:geheim@db/buig");
        assert_eq!(c.vertrouwde_proxies, vec!["10.0.0.5".parse::<std::net::IpAddr>().unwrap()]);
        let c = Configuratie::laad(
            Some(&p),
            &omgeving(&[
                ("BUIG_DEMO", "1"),
                ("BUIG_LOG_FORMAT", "tekst"),
                ("DATABASE_URL", "sqlite://x.db"),
                ("BUIG_ADRES", "127.0.0.1:1"),
            ]),
        )
        .unwrap();
        assert_eq!((c.demo, c.log_formaat), (true, LogFormaat::Tekst));
        assert_eq!((c.database_url(), c.adres.port()), ("sqlite://x.db".to_string(), 1));
        let c = Configuratie::laad(None, &omgeving(&[("BUIG_CONFIG", p.to_str().unwrap()), ("BUIG_DEMO", "0")])).unwrap();
        assert_eq!((c.demo, c.adres.port()), (false, 9000), "BUIG_CONFIG names the file");
    }

    #[test]
    fn the_database_password_is_never_printed() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("b.toml");
        std::fs::write(&p, "database = \"postgres://buig:zeergeheim@db/buig\"\n").unwrap();
        let c = Configuratie::laad(Some(&p), &omgeving(&[])).unwrap();
        let getoond = format!("{c:?} {}", c.database.as_ref().unwrap());
        assert!(!getoond.contains("zeergeheim"), "{getoond}");
        assert!(getoond.contains("postgres://buig:***@db/buig"), "{getoond}");
    }

    #[test]
    fn a_typo_or_a_bad_value_is_refused_in_dutch_naming_where() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("b.toml");
        std::fs::write(&p, "adress = \"0.0.0.0:80\"\n").unwrap();
        let e = Configuratie::laad(Some(&p), &omgeving(&[])).unwrap_err();
        assert!(e.contains("b.toml") && e.contains("adress"), "{e}");
        let e = Configuratie::laad(None, &omgeving(&[("BUIG_DEMO", "misschien")])).unwrap_err();
        assert_eq!(e, "BUIG_DEMO: \"misschien\" is geen ja of nee; gebruik 1 of 0");
        let e = Configuratie::laad(None, &omgeving(&[("BUIG_LOG_FORMAT", "xml")])).unwrap_err();
        assert!(e.starts_with("BUIG_LOG_FORMAT:"), "{e}");
        let e = Configuratie::laad(Some(&dir.path().join("weg.toml")), &omgeving(&[])).unwrap_err();
        assert!(e.starts_with("configuratiebestand"), "{e}");
    }
}
